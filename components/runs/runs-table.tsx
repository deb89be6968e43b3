'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useDeferredValue, useState } from 'react';
import { Field } from '@/components/ui/field';
import { formatDuration, formatTime } from '@/components/format';
import { EmptyState } from '@/components/ui/empty-state';
import { Table, Td, Th } from '@/components/ui/table';
import { fetchJson } from '@/lib/http/fetch-json';
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
 * An algorithm's runs, refreshed every few seconds, searchable by SQS message id and
 * filtered by status (kept in the URL's ?status=, so a filtered list can be linked to).
 */
export function RunsTable({ owner, name, initialRuns, initialStatus }: { owner: string; name: string; initialRuns: RunSummary[]; initialStatus: RunStatusFilter }) {
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState(initialStatus);
  const messageId = useDeferredValue(search.trim());
  const { data: runs } = useQuery({
    queryKey: ['runs', owner, name, messageId, status],
    queryFn: () => fetchJson<{ runs: RunSummary[] }>(`/api/v1/algorithms/${owner}/${name}/runs${runsQuery(messageId, status)}`).then((body) => body.runs),
    initialData: messageId || status !== initialStatus ? undefined : initialRuns,
    placeholderData: (previous) => previous,
    refetchInterval: REFRESH_MS,
  });
  function chooseStatus(next: RunStatusFilter) {
    setStatus(next);
    const url = new URL(window.location.href);
    if (next === 'all') url.searchParams.delete('status');
    else url.searchParams.set('status', next);
    window.history.replaceState(null, '', url);
  }
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
            onChange={(event) => chooseStatus(event.target.value as RunStatusFilter)}
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
      {!runs ? (
        <p role="status" className="text-sm text-slate-500">
          Searching…
        </p>
      ) : runs.length === 0 ? (
        messageId ? (
          <EmptyState title="No run with that message id">No run of this algorithm has an SQS message id starting with {messageId}.</EmptyState>
        ) : status !== 'all' ? (
          <EmptyState title={`No ${statusLabel} runs`}>None of this algorithm’s latest runs is {statusLabel}.</EmptyState>
        ) : (
          <EmptyState title="No runs yet">Runs appear here when the algorithm API or an event flow runs this algorithm.</EmptyState>
        )
      ) : (
        <RunRows owner={owner} name={name} runs={runs} showDeletion={status === 'dead' || status === 'expired'} />
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
              <Link href={`/algorithms/${owner}/${name}/runs/${run.id}`} className="font-mono text-xs font-medium text-brand-600 hover:underline">
                {run.id}
              </Link>
            </Td>
            <Td>
              <RunSource run={run} />
            </Td>
            <Td className="font-mono text-xs">{run.version}</Td>
            <Td>
              <RunStatusBadge status={run.status} />
            </Td>
            <Td>{formatDuration(run.durationMs)}</Td>
            <Td className="whitespace-nowrap text-xs">{formatTime(run.createdAt)}</Td>
            {showDeletion ? <Td className="whitespace-nowrap text-xs">{run.deletion ? formatDeletionTime(run.deletion.after) : '—'}</Td> : null}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
