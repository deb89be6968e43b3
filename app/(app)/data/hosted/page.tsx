import Link from 'next/link';
import { NewCollectionDialog } from '@/components/data/new-collection-dialog';
import { formatBytes } from '@/components/format';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Table, Td, Th } from '@/components/ui/table';
import { Timestamp } from '@/components/ui/timestamp';
import { requireSessionUser } from '@/lib/auth/session';
import { listCollections } from '@/lib/data/list-collections';
import { db } from '@/lib/db/client';

export const metadata = { title: 'My Hosted Data' };

export default async function HostedDataPage({ searchParams }: { searchParams: Promise<{ new?: string }> }) {
  const user = await requireSessionUser();
  const [collections, { new: openNew }] = await Promise.all([listCollections(db(), user.id), searchParams]);
  return (
    <>
      <PageHeader
        title="My Hosted Data"
        description={
          <>
            <Link href="/data" className="text-brand-600 hover:underline">
              Data Sources
            </Link>{' '}
            / Collections of files at <code className="font-mono">data://{user.username}/…</code>
          </>
        }
        actions={<NewCollectionDialog username={user.username} defaultOpen={openNew === '1'} />}
      />
      {collections.length === 0 ? (
        <EmptyState title="No collections yet">Create a collection, then let your algorithms write files to it.</EmptyState>
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>Collection</Th>
              <Th>Files</Th>
              <Th>Size</Th>
              <Th>Created</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {collections.map((collection) => (
              <tr key={collection.name}>
                <Td>
                  <Link href={`/data/hosted/${collection.name}`} className="font-mono font-medium text-brand-600 hover:underline">
                    {collection.name}
                  </Link>
                </Td>
                <Td>{collection.fileCount}</Td>
                <Td>{formatBytes(collection.totalSize)}</Td>
                <Td>
                  <Timestamp iso={collection.createdAt} />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
