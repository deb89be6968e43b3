import Link from 'next/link';
import { NotFoundMessage } from '@/components/shell/not-found-message';

export default function CollectionNotFound() {
  return (
    <NotFoundMessage
      title="Collection not found"
      action={
        <Link href="/data/hosted" className="text-brand-700 hover:underline">
          My Hosted Data
        </Link>
      }
    >
      You have no collection with that name.
    </NotFoundMessage>
  );
}
