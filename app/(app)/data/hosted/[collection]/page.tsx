import Link from 'next/link';
import { formatBytes, formatTime } from '@/components/format';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requireSessionUser } from '@/lib/auth/session';
import { findOwnedCollection } from '@/lib/data/find-owned-collection';
import { listFilePreviews } from '@/lib/data/list-file-previews';
import { db } from '@/lib/db/client';
import { env } from '@/lib/env';
import { orNotFound } from '@/lib/http/or-not-found';

export const metadata = { title: 'Collection' };

export default async function CollectionPage({ params }: { params: Promise<{ collection: string }> }) {
  const user = await requireSessionUser();
  const { collection: name } = await params;
  const collection = await orNotFound(findOwnedCollection(db(), user.id, user.username, name));
  const files = await listFilePreviews(db(), collection.id);
  const uri = `data://${user.username}/${collection.name}`;
  const apiUrl = `${env().APP_URL ?? ''}/v1/data/${user.username}/${collection.name}`;
  return (
    <>
      <PageHeader
        title={<span className="font-mono">{collection.name}</span>}
        description={
          <>
            <Link href="/data/hosted" className="text-brand-600 hover:underline">
              My Hosted Data
            </Link>{' '}
            / <code className="font-mono">{uri}</code> · {files.length} file{files.length === 1 ? '' : 's'}
          </>
        }
      />
      {files.length === 0 ? (
        <EmptyState title="No files yet">
          Algorithms write here through the data API, for example{' '}
          <code className="font-mono text-xs">PUT {apiUrl}/&lt;file&gt;</code>.
        </EmptyState>
      ) : (
        <ul className="space-y-4" aria-label="Files">
          {files.map((file) => (
            <li key={file.filename}>
              <Card className="overflow-hidden">
                <div className="flex flex-wrap items-baseline justify-between gap-2 border-b border-slate-100 px-4 py-3">
                  <h2 className="font-mono text-sm font-semibold">{file.filename}</h2>
                  <p className="text-xs text-slate-500">
                    {formatBytes(file.size)} · {file.contentType} · updated {formatTime(file.updatedAt)}
                  </p>
                </div>
                {file.text === null ? (
                  <p className="px-4 py-3 text-sm text-slate-600">Binary content; read it with the data API.</p>
                ) : (
                  <pre className="max-h-96 overflow-auto bg-slate-50 px-4 py-3 font-mono text-xs whitespace-pre-wrap text-slate-800">
                    {file.text}
                    {file.truncated ? '\n…' : ''}
                  </pre>
                )}
              </Card>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
