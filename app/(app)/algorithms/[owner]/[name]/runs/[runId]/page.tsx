import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RunDetailView } from '@/components/runs/run-detail-view';
import { PageHeader } from '@/components/ui/page-header';
import { requireSessionUser } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import { orNotFound } from '@/lib/http/or-not-found';
import { getRunDetail } from '@/lib/runs/get-run-detail';

export const metadata = { title: 'Run' };

export default async function RunPage({ params }: { params: Promise<{ owner: string; name: string; runId: string }> }) {
  const user = await requireSessionUser();
  const { owner, name, runId } = await params;
  const run = await orNotFound(getRunDetail(db(), user.id, runId));
  if (run.algorithm.owner !== owner || run.algorithm.name !== name) notFound();
  return (
    <>
      <PageHeader
        title={<span className="font-mono text-xl">Run {run.id}</span>}
        description={
          <Link href={`/algorithms/${owner}/${name}/runs`} className="font-mono text-brand-600 hover:underline">
            {`${owner}/${name}`} runs
          </Link>
        }
      />
      <RunDetailView initialRun={run} />
    </>
  );
}
