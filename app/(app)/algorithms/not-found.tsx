import Link from 'next/link';
import { EmptyState } from '@/components/ui/empty-state';

// Someone else's algorithm looks exactly like one that does not exist.
export default function AlgorithmNotFound() {
  return (
    <EmptyState
      title="Algorithm not found"
      action={
        <Link href="/" className="text-sm font-medium text-brand-600 hover:underline">
          Back to your algorithms
        </Link>
      }
    >
      There is no such algorithm among yours.
    </EmptyState>
  );
}
