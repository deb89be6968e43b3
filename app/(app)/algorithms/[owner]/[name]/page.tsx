import Link from 'next/link';
import { DeleteVersionButton } from '@/components/algorithms/delete-version-button';
import { PublishVersionDialog, type BuiltInExample } from '@/components/algorithms/publish-version-dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { Table, Td, Th } from '@/components/ui/table';
import { Timestamp } from '@/components/ui/timestamp';
import { requireSessionUser } from '@/lib/auth/session';
import { listCollections } from '@/lib/data/list-collections';
import { db } from '@/lib/db/client';
import { env, isLocalSqs } from '@/lib/env';
import { DEMO_STORE_FILE } from '@/lib/local/demo-data';
import { platformRunContext } from '@/lib/runs/run-context';
import { loadAlgorithm, type AlgorithmPageParams } from './load-algorithm';

export async function generateMetadata({ params }: { params: AlgorithmPageParams }) {
  const { owner, name } = await params;
  return { title: `${owner}/${name}` };
}

/** Local mode's built-in example endpoint for the Publish version dialog, writing to one of the user's collections. */
async function builtInExample(user: { id: string; username: string }): Promise<BuiltInExample | undefined> {
  if (!isLocalSqs(env())) return undefined;
  const collections = await listCollections(db(), user.id);
  return { appUrl: platformRunContext().dataApiUrl, owner: user.username, collections: collections.map((c) => c.name), defaultCollection: DEMO_STORE_FILE.collection };
}

export default async function AlgorithmOverviewPage({ params }: { params: AlgorithmPageParams }) {
  const { owner, name } = await params;
  const [algorithm, user] = await Promise.all([loadAlgorithm(owner, name), requireSessionUser()]);
  const path = `${algorithm.owner.username}/${algorithm.name}`;
  const owned = algorithm.ownerId === user.id;
  return (
    <section className="space-y-4" aria-labelledby="versions-title">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <h2 id="versions-title" className="text-base font-semibold text-slate-900">
            Versions
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            Each published version runs behind its own HTTP endpoint. Connect a queue from the{' '}
            <Link href={`/algorithms/${path}/events`} className="font-medium text-brand-600 hover:underline">
              Events
            </Link>{' '}
            tab.
          </p>
        </div>
        <PublishVersionDialog
          owner={algorithm.owner.username}
          name={algorithm.name}
          latestVersion={algorithm.versions[0]?.version}
          example={owned ? await builtInExample(user) : undefined}
        />
      </div>
      {algorithm.versions.length === 0 ? (
        <EmptyState title="No published version yet">
          Publish a version with the URL of the HTTP endpoint that runs it. Its path becomes {path}/&lt;version&gt;.
        </EmptyState>
      ) : (
        <Table aria-label="Versions">
          <thead className="bg-slate-50">
            <tr>
              <Th>Version</Th>
              <Th>Endpoint URL</Th>
              <Th>Published</Th>
              {owned ? (
                <Th>
                  <span className="sr-only">Actions</span>
                </Th>
              ) : null}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {algorithm.versions.map((version) => (
              <tr key={version.id}>
                <Td className="font-mono break-all">{version.version}</Td>
                <Td className="font-mono text-xs break-all">{version.endpointUrl}</Td>
                <Td className="text-xs">
                  <Timestamp iso={version.createdAt.toISOString()} />
                </Td>
                {owned ? (
                  <Td className="text-right">
                    <DeleteVersionButton owner={algorithm.owner.username} name={algorithm.name} version={version.version} />
                  </Td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}
