import { RunsTable } from '@/components/runs/runs-table';
import { PageHeader } from '@/components/ui/page-header';
import { getAlgorithmForOwner } from '@/lib/algorithms/get-algorithm-for-owner';
import { requireSessionUser } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import { orNotFound } from '@/lib/http/or-not-found';
import { listAlgorithmRuns } from '@/lib/runs/list-algorithm-runs';
import { RUN_STATUS_FILTERS, parseRunStatusFilter, type RunStatusFilter } from '@/lib/runs/run-status-filter';

export const metadata = { title: 'Runs' };

interface RunsPageProps {
  params: Promise<{ owner: string; name: string }>;
  searchParams: Promise<{ status?: string | string[] }>;
}

export default async function AlgorithmRunsPage({ params, searchParams }: RunsPageProps) {
  const user = await requireSessionUser();
  const { owner, name } = await params;
  const requested = (await searchParams).status;
  // An unknown ?status= in a link shows all runs rather than an error page.
  const status: RunStatusFilter = RUN_STATUS_FILTERS.find((filter) => filter.value === requested)?.value ?? 'all';
  const algorithm = await orNotFound(getAlgorithmForOwner(db(), user.id, owner, name));
  const firstPage = await listAlgorithmRuns(db(), algorithm.id, { status: parseRunStatusFilter(status) });
  return (
    <>
      <PageHeader title="Runs" description={<span className="font-mono">{`${owner}/${name}`}</span>} />
      <RunsTable owner={owner} name={name} initialPage={firstPage} initialStatus={status} />
    </>
  );
}
