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
import { RunSource } from './run-source';
import { RunStatusBadge } from './run-status-badge';

const REFRESH_MS = 3_000;

/** An algorithm's runs, refreshed every few seconds, searchable by SQS message id. */
export function RunsTable({ owner, name, initialRuns }: { owner: string; name: string; initialRuns: RunSummary[] }) {
  const [search, setSearch] = useState('');
  const messageId = useDeferredValue(search.trim());
  const { data: runs } = useQuery({
    queryKey: ['runs', owner, name, messageId],
    queryFn: () =>
      fetchJson<{ runs: RunSummary[] }>(`/api/v1/algorithms/${owner}/${name}/runs${messageId ? `?messageId=${encodeURIComponent(messageId)}` : ''}`).then((body) => body.runs),
    initialData: messageId ? undefined : initialRuns,
    placeholderData: (previous) => previous,
    refetchInterval: REFRESH_MS,
  });
  return (
    <div className="space-y-3">
      <div className="w-full sm:w-80">
        <Field label="Search by SQS message id" type="search" value={search} onChange={(event) => setSearch(event.target.value)} spellCheck={false} />
      </div>
      {!runs ? (
        <p role="status" className="text-sm text-slate-500">
          Searching…
        </p>
      ) : runs.length === 0 ? (
        messageId ? (
          <EmptyState title="No run with that message id">No run of this algorithm has an SQS message id starting with {messageId}.</EmptyState>
        ) : (
          <EmptyState title="No runs yet">Runs appear here when the algorithm API or an event flow runs this algorithm.</EmptyState>
        )
      ) : (
        <RunRows owner={owner} name={name} runs={runs} />
      )}
    </div>
  );
}

function RunRows({ owner, name, runs }: { owner: string; name: string; runs: RunSummary[] }) {
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
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
