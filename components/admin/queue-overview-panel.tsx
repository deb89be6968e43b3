'use client';

import { useQuery } from '@tanstack/react-query';
import { Alert } from '@/components/ui/alert';
import { EmptyState } from '@/components/ui/empty-state';
import type { QueueOverview } from '@/lib/admin/list-queue-overview';
import { fetchJson } from '@/lib/http/fetch-json';
import { QueueOverviewTable } from './queue-overview-table';
import { QueueTotals } from './queue-totals';

export const ADMIN_QUEUES_KEY = ['admin', 'queues'];
const REFRESH_MS = 10_000;

/** The admin view: totals, then one row per flow; it reads the queues again every 10 s. */
export function QueueOverviewPanel({ viewer }: { viewer: string }) {
  const overview = useQuery({
    queryKey: ADMIN_QUEUES_KEY,
    queryFn: () => fetchJson<QueueOverview>('/api/v1/admin/queues'),
    refetchInterval: REFRESH_MS,
  });
  if (overview.isPending) return <p className="text-sm text-slate-500">Reading the queues…</p>;
  if (overview.isError) return <Alert>Could not load the queues: {overview.error.message}</Alert>;
  const { rows, totals, local } = overview.data;
  return (
    <div className="space-y-6">
      <QueueTotals totals={totals} />
      <p className="text-xs text-slate-500">
        Updated {new Date(overview.dataUpdatedAt).toLocaleTimeString()} · refreshes every {REFRESH_MS / 1000} s · SQS is asked at most every 5 s per queue
        {local ? ' · local mode: queues of the SQS emulator' : ''}
      </p>
      {rows.length === 0 ? (
        <EmptyState title="No event flows yet">Broker connections and event listeners of every user appear here.</EmptyState>
      ) : (
        <QueueOverviewTable rows={rows} viewer={viewer} />
      )}
    </div>
  );
}
