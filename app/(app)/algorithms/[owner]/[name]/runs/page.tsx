import { RunsTable } from '@/components/runs/runs-table';
import { PageHeader } from '@/components/ui/page-header';
import { getAlgorithmForOwner } from '@/lib/algorithms/get-algorithm-for-owner';
import { requireSessionUser } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import { orNotFound } from '@/lib/http/or-not-found';
import { listAlgorithmRuns } from '@/lib/runs/list-algorithm-runs';

export const metadata = { title: 'Runs' };

export default async function AlgorithmRunsPage({ params }: { params: Promise<{ owner: string; name: string }> }) {
  const user = await requireSessionUser();
  const { owner, name } = await params;
  const algorithm = await orNotFound(getAlgorithmForOwner(db(), user.id, owner, name));
  const runs = await listAlgorithmRuns(db(), algorithm.id);
  return (
    <>
      <PageHeader title="Runs" description={<span className="font-mono">{`${owner}/${name}`}</span>} />
      <RunsTable owner={owner} name={name} initialRuns={runs} />
    </>
  );
}
