import Link from 'next/link';
import { CollectionFiles } from '@/components/data/collection-files';
import { PageHeader } from '@/components/ui/page-header';
import { requireSessionUser } from '@/lib/auth/session';
import { findOwnedCollection } from '@/lib/data/find-owned-collection';
import { listFilePreviews } from '@/lib/data/list-file-previews';
import { db } from '@/lib/db/client';
import { env } from '@/lib/env';
import { orNotFound } from '@/lib/http/or-not-found';

export const metadata = { title: 'Collection' };

interface CollectionPageProps {
  params: Promise<{ collection: string }>;
  searchParams: Promise<{ prefix?: string | string[] }>;
}

export default async function CollectionPage({ params, searchParams }: CollectionPageProps) {
  const user = await requireSessionUser();
  const { collection: name } = await params;
  const requested = (await searchParams).prefix;
  const prefix = typeof requested === 'string' ? requested : '';
  const collection = await orNotFound(findOwnedCollection(db(), user.id, user.username, name));
  const firstPage = await listFilePreviews(db(), collection.id, { prefix });
  return (
    <>
      <PageHeader
        title={<span className="font-mono break-all">{collection.name}</span>}
        description={
          <>
            <Link href="/data/hosted" className="text-brand-600 hover:underline">
              My Hosted Data
            </Link>{' '}
            / <code className="font-mono break-all">{`data://${user.username}/${collection.name}`}</code>
          </>
        }
      />
      <CollectionFiles
        collection={collection.name}
        initialPage={firstPage}
        initialPrefix={prefix}
        dataApiUrl={`${env().APP_URL ?? ''}/v1/data/${user.username}/${collection.name}`}
      />
    </>
  );
}
