'use client';

import Link from 'next/link';
import { useDeferredValue } from 'react';
import { Field } from '@/components/ui/field';
import { formatDuration } from '@/components/format';
import { EmptyState } from '@/components/ui/empty-state';
import { ListFooter } from '@/components/ui/list-footer';
import { Table, Td, Th } from '@/components/ui/table';
import { Timestamp } from '@/components/ui/timestamp';
import { usePagedList } from '@/components/ui/use-paged-list';
import { useUrlParam } from '@/components/ui/use-url-param';
import type { RunPage } from '@/lib/runs/list-algorithm-runs';
import type { RunSummary } from '@/lib/runs/run-summary';
import { formatDeletionTime } from '@/lib/runs/run-retention';
import { RUN_STATUS_FILTERS, type RunStatusFilter } from '@/lib/runs/run-status-filter';
import { RunSource } from './run-source';
import { RunStatusBadge } from './run-status-badge';

const REFRESH_MS = 3_000;

/** The runs query: the message id prefix and the status filter, as the API takes them. */
function runsQuery(messageId: string, status: RunStatusFilter): string {
  const params = new URLSearchParams();
  if (messageId) params.set('messageId', messageId);
  if (status !== 'all') params.set('status', status);
  return params.size ? `?${params}` : '';
}

/**
 * An algorithm's runs, newest first, a page at a time, refreshed every few seconds;
 * searchable by SQS message id and filtered by status, both kept in the URL
 * (?messageId=, ?status=) so a filtered list can be linked to.
 */
export function RunsTable({ owner, name, initialPage, initialStatus }: { owner: string; name: string; initialPage: RunPage; initialStatus: RunStatusFilter }) {
  const [search, setSearch] = useUrlParam('messageId');
  const [statusParam, setStatus] = useUrlParam('status');
  const status = RUN_STATUS_FILTERS.find((filter) => filter.value === statusParam)?.value ?? 'all';
  const messageId = useDeferredValue(search.trim());
  const runs = usePagedList<RunPage>({
    queryKey: ['runs', owner, name, messageId, status],
    url: `/api/v1/algorithms/${owner}/${name}/runs${runsQuery(messageId, status)}`,
    initialPage: messageId || status !== initialStatus ? undefined : initialPage,
    refreshMs: REFRESH_MS,
  });
  const rows = runs.data?.pages.flatMap((page) => page.runs);
  const statusLabel = RUN_STATUS_FILTERS.find((filter) => filter.value === status)?.label.toLowerCase();
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        <div className="w-full sm:w-80">
          <Field label="Search by SQS message id" type="search" value={search} onChange={(event) => setSearch(event.target.value)} spellCheck={false} />
        </div>
        <div className="space-y-1.5">
          <label htmlFor="run-status-filter" className="block text-xs font-semibold tracking-wide text-slate-600 uppercase">
            Status
          </label>
          <select
            id="run-status-filter"
            value={status}
            onChange={(event) => setStatus(event.target.value === 'all' ? '' : event.target.value)}
            className="block rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-brand-500 focus:outline-none"
          >
            {RUN_STATUS_FILTERS.map((filter) => (
              <option key={filter.value} value={filter.value}>
                {filter.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      {!rows || !runs.data ? (
        <p role="status" className="text-sm text-slate-500">
          Searching…
        </p>
      ) : rows.length === 0 ? (
        messageId ? (
          <EmptyState title="No run with that message id">No run of this algorithm has an SQS message id starting with {messageId}.</EmptyState>
        ) : status !== 'all' ? (
          <EmptyState title={`No ${statusLabel} runs`}>None of this algorithm’s runs is {statusLabel}.</EmptyState>
        ) : (
          <EmptyState title="No runs yet">Runs appear here when the algorithm API or an event flow runs this algorithm.</EmptyState>
        )
      ) : (
        <>
          <RunRows owner={owner} name={name} runs={rows} showDeletion={status === 'dead' || status === 'expired'} />
          <ListFooter
            shown={rows.length}
            first={runs.data.pages[0]!}
            noun={status === 'all' ? 'run' : `${statusLabel} run`}
            hasMore={runs.hasNextPage}
            loading={runs.isFetchingNextPage}
            onLoadMore={() => runs.fetchNextPage()}
          />
        </>
      )}
    </div>
  );
}

/** `showDeletion`: the dead filters say when each run is deleted, so it can be replayed before. */
function RunRows({ owner, name, runs, showDeletion }: { owner: string; name: string; runs: RunSummary[]; showDeletion: boolean }) {
  return (
    <Table aria-label="Runs">
      <thead>
        <tr>
          <Th>Run</Th>
          <Th>Source</Th>
          <Th>Version</Th>
          <Th>Status</Th>
          <Th>Duration</Th>
          <Th>Time</Th>
          {showDeletion ? <Th>Deleted after</Th> : null}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {runs.map((run) => (
          <tr key={run.id}>
            <Td>
              <Link href={`/algorithms/${owner}/${name}/runs/${run.id}`} className="font-mono text-xs font-medium whitespace-nowrap text-brand-600 hover:underline">
                {run.id}
              </Link>
            </Td>
            {/* Room for a message id on one line: on a phone the table scrolls instead. */}
            <Td className="min-w-80">
              <RunSource run={run} algorithmBase={`/algorithms/${owner}/${name}`} />
            </Td>
            <Td className="font-mono text-xs">{run.version}</Td>
            <Td>
              <RunStatusBadge status={run.status} />
            </Td>
            <Td>{formatDuration(run.durationMs)}</Td>
            <Td className="text-xs">
              <Timestamp iso={run.createdAt} />
            </Td>
            {showDeletion ? <Td className="whitespace-nowrap text-xs">{run.deletion ? formatDeletionTime(run.deletion.after) : '—'}</Td> : null}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
