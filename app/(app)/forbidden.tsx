import Link from 'next/link';
import { EmptyState } from '@/components/ui/empty-state';

// Shown with a 403 status when a page calls forbidden() (e.g. /admin for a non-admin).
export default function Forbidden() {
  return (
    <EmptyState title="403 · Not allowed" action={<Link href="/" className="text-sm font-medium text-brand-700 hover:underline">Back to Home</Link>}>
      This page is for admins of the installation.
    </EmptyState>
  );
}
