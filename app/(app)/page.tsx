import Link from 'next/link';
import { CreateNewMenu } from '@/components/home/create-new-menu';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { listAlgorithms } from '@/lib/algorithms/list-algorithms';
import { requireSessionUser } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import { env } from '@/lib/env';
import { localSqsEndpoint } from '@/lib/flows/local-sqs-endpoint';

export const metadata = { title: 'Home' };

export default async function HomePage() {
  const user = await requireSessionUser();
  const algorithms = await listAlgorithms(db(), user.id);
  return (
    <>
      <PageHeader
        title="Home"
        description={`Signed in as ${user.username}. Your algorithms and their event flows.`}
        actions={
          <CreateNewMenu
            owner={user.username}
            algorithms={algorithms.map((a) => ({ owner: user.username, name: a.name, latestVersion: a.versions[0]?.version ?? null }))}
            localSqsEndpoint={localSqsEndpoint(env())}
          />
        }
      />
      {algorithms.length === 0 ? (
        <EmptyState title="No algorithms yet">
          Use <strong>Create New</strong> → <strong>Algorithm</strong>, publish a version, then connect it to an Amazon SQS queue from its{' '}
          <strong>Events</strong> tab.
        </EmptyState>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {algorithms.map((algorithm) => (
            <li key={algorithm.id}>
              <Link href={`/algorithms/${user.username}/${algorithm.name}`} className="block">
                <Card className="h-full p-4 transition-shadow hover:shadow-md">
                  <p className="font-mono text-sm font-semibold break-all">
                    {user.username}/{algorithm.name}
                  </p>
                  <p className="mt-1 line-clamp-2 text-sm break-words text-slate-600">{algorithm.description || 'No description'}</p>
                  <p className="mt-3 text-xs break-all text-slate-500">
                    {algorithm.versions[0] ? `Latest ${algorithm.versions[0].version}` : 'No published version'} ·{' '}
                    {algorithm._count.eventFlows} event flow{algorithm._count.eventFlows === 1 ? '' : 's'}
                  </p>
                </Card>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
