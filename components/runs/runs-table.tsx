'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { formatDuration, formatTime } from '@/components/format';
import { EmptyState } from '@/components/ui/empty-state';
import { Table, Td, Th } from '@/components/ui/table';
import { fetchJson } from '@/lib/http/fetch-json';
import type { RunSummary } from '@/lib/runs/run-summary';
import { RunSource } from './run-source';
import { RunStatusBadge } from './run-status-badge';

const REFRESH_MS = 3_000;

/** An algorithm's runs, refreshed every few seconds. */
export function RunsTable({ owner, name, initialRuns }: { owner: string; name: string; initialRuns: RunSummary[] }) {
  const { data: runs } = useQuery({
    queryKey: ['runs', owner, name],
    queryFn: () => fetchJson<{ runs: RunSummary[] }>(`/api/v1/algorithms/${owner}/${name}/runs`).then((body) => body.runs),
    initialData: initialRuns,
    refetchInterval: REFRESH_MS,
  });
  if (runs.length === 0) {
    return <EmptyState title="No runs yet">Runs appear here when the algorithm API or an event flow runs this algorithm.</EmptyState>;
  }
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
