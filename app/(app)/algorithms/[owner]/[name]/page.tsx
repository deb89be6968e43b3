import Link from 'next/link';
import { PublishVersionDialog } from '@/components/algorithms/publish-version-dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { Table, Td, Th } from '@/components/ui/table';
import { Timestamp } from '@/components/ui/timestamp';
import { loadAlgorithm, type AlgorithmPageParams } from './load-algorithm';

export async function generateMetadata({ params }: { params: AlgorithmPageParams }) {
  const { owner, name } = await params;
  return { title: `${owner}/${name}` };
}

export default async function AlgorithmOverviewPage({ params }: { params: AlgorithmPageParams }) {
  const { owner, name } = await params;
  const algorithm = await loadAlgorithm(owner, name);
  const path = `${algorithm.owner.username}/${algorithm.name}`;
  return (
    <section className="space-y-4" aria-labelledby="versions-title">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div>
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
        <PublishVersionDialog owner={algorithm.owner.username} name={algorithm.name} latestVersion={algorithm.versions[0]?.version} />
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
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {algorithm.versions.map((version) => (
              <tr key={version.id}>
                <Td className="font-mono">{version.version}</Td>
                <Td className="font-mono text-xs break-all">{version.endpointUrl}</Td>
                <Td className="text-xs">
                  <Timestamp iso={version.createdAt.toISOString()} />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}
