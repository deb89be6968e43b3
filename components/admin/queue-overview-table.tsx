'use client';

import Link from 'next/link';
import { useState } from 'react';
import { DlqDialogButton } from '@/components/flows/dlq-dialog-button';
import { TestConnectionButton } from '@/components/flows/test-connection-button';
import { Badge } from '@/components/ui/badge';
import { Table, Td, Th } from '@/components/ui/table';
import type { QueueProblem } from '@/lib/admin/flow-queue-readout';
import { formatAge } from '@/lib/admin/format-age';
import type { QueueOverviewRow } from '@/lib/admin/list-queue-overview';
import { sortQueueRows, type QueueSort } from '@/lib/admin/sort-queue-rows';
import { MessageCountLines, RunCountLines } from '@/components/flows/flow-counts';
import { WAITING_REASON } from '@/components/flows/flow-status-badge';
import { DlqSparkline } from './dlq-sparkline';
import { SortableTh } from './sortable-th';
import { connectionPath } from '@/lib/flows/connection-path';

function Problem({ problem }: { problem: QueueProblem }) {
  const tone = problem.code === 'NO_REDRIVE_POLICY' ? 'text-amber-800' : 'text-red-700';
  // wrap-anywhere: a message naming a queue URL must not widen its column.
  return <p className={`mt-1 max-w-xs text-xs wrap-anywhere ${tone}`}>{problem.message}</p>;
}

function Count({ value, testId, alarm }: { value: number | undefined; testId: string; alarm?: boolean }) {
  return (
    <Td className={`px-2 text-right tabular-nums ${alarm && value ? 'font-semibold text-red-700' : ''}`} data-testid={testId}>
      {value ?? '—'}
    </Td>
  );
}

function OldestCell({ row }: { row: QueueOverviewRow }) {
  const oldest = row.readout.dlq?.ok ? row.readout.dlq.oldestMessage : null;
  if (!oldest) return <Td className="px-2 text-right">—</Td>;
  if (!oldest.ok) return <Td className="px-2 text-right" title={oldest.problem.message}>?</Td>;
  return (
    <Td className="px-2 text-right tabular-nums" title={oldest.lowerBound ? 'At least this old: only a sample of the DLQ was looked at' : undefined}>
      {oldest.lowerBound ? '≥ ' : ''}
      {formatAge(oldest.ageSeconds)}
    </Td>
  );
}

/** A connection (a body of its own): its queues' counts on one row, and below it what its messages and runs came to. */
function QueueRow({ row, viewer }: { row: QueueOverviewRow; viewer: string }) {
  const { source, dlq } = row.readout;
  const kind = row.kind === 'BROKER' ? 'Connection' : 'Listener';
  return (
    <tbody className="border-t border-slate-100">
      <tr aria-label={`${row.algorithm} ${kind.toLowerCase()} on ${row.queueName}`}>
        <Td className="min-w-32">
          <p className="font-mono text-xs break-all">{row.algorithm}</p>
          <div className="mt-1 flex flex-wrap gap-1">
            <Badge tone="blue">{kind}</Badge>
            {row.enabled ? null : <Badge>Paused</Badge>}
            {row.status === 'ERROR' ? <Badge tone="red">Error</Badge> : null}
          </div>
          {row.status === 'WAITING' ? <p className="mt-1 max-w-56 text-xs text-amber-700">{WAITING_REASON}</p> : null}
          {row.status === 'ERROR' && row.lastError ? <p className="mt-1 max-w-64 text-xs wrap-anywhere text-red-700">{row.lastError}</p> : null}
        </Td>
        <Td className="min-w-32">
          <Link
            href={connectionPath({ ...row, id: row.flowId })}
            className="font-mono text-xs break-all text-brand-700 hover:underline"
            title={row.queueUrl}
          >
            {row.queueName}
          </Link>
          {!source.ok ? (
            <Problem problem={source.problem} />
          ) : dlq?.ok ? (
            <p className="mt-1 text-xs break-all text-slate-500" title={dlq.url}>
              DLQ <span className="font-mono">{dlq.name}</span>
            </p>
          ) : dlq ? (
            <Problem problem={dlq.problem} />
          ) : null}
        </Td>
        <Count value={source.ok ? source.visible : undefined} testId="visible" />
        <Count value={source.ok ? source.inFlight : undefined} testId="in-flight" />
        <Count value={source.ok ? source.delayed : undefined} testId="delayed" />
        <Count value={dlq?.ok ? dlq.depth : undefined} testId="dlq-depth" alarm />
        <Count value={row.deadRuns} testId="dead-runs" alarm />
        <Td className="px-2">
          <DlqSparkline series={row.dlqSeries} />
        </Td>
        <OldestCell row={row} />
        <Td className="pl-2">
          <div className="flex flex-col items-stretch gap-2">
            {dlq?.ok ? <DlqDialogButton flowId={row.flowId} queueName={row.queueName} dlqName={dlq.name} canRedrive={row.owner === viewer} /> : null}
            <TestConnectionButton flowId={row.flowId} label={`Test connection to ${row.queueName}`} resultIn="dialog" />
          </div>
        </Td>
      </tr>
      <tr aria-label={`Counts of ${row.queueName}`}>
        <Td colSpan={10} className="pt-0 text-xs text-slate-600">
          <div className="flex flex-wrap gap-x-8 gap-y-1">
            <div className="flex flex-wrap gap-x-3">
              <span className="font-semibold text-slate-500">Messages</span>
              <MessageCountLines counts={row} />
            </div>
            <div className="flex flex-wrap gap-x-3">
              <span className="font-semibold text-slate-500">Runs</span>
              <RunCountLines counts={row} />
            </div>
          </div>
        </Td>
      </tr>
    </tbody>
  );
}

/** `viewer`: the admin's username; only their own rows offer redrive (docs/security.md, "Tenants"). */
export function QueueOverviewTable({ rows, viewer }: { rows: QueueOverviewRow[]; viewer: string }) {
  const [sort, setSort] = useState<QueueSort>({ key: 'dlqDepth', direction: 'desc' });
  const header = { sort, onSort: setSort };
  return (
    <Table>
      <thead className="bg-slate-50">
        <tr>
          <SortableTh label="Algorithm" sortKey="algorithm" {...header} />
          <SortableTh label="Queue and DLQ" sortKey="queue" {...header} />
          <SortableTh label="Visible" sortKey="visible" numeric {...header} />
          <SortableTh label="In flight" sortKey="inFlight" numeric {...header} />
          <SortableTh label="Delayed" sortKey="delayed" numeric {...header} />
          <SortableTh label="DLQ depth" sortKey="dlqDepth" numeric {...header} />
          <SortableTh label="Dead runs" sortKey="deadRuns" numeric {...header} />
          <Th className="px-2">Last hour</Th>
          <SortableTh label="Oldest" sortKey="oldest" numeric {...header} />
          <Th className="pl-2">
            <span className="sr-only">Actions</span>
          </Th>
        </tr>
      </thead>
      {sortQueueRows(rows, sort).map((row) => (
        <QueueRow key={row.flowId} row={row} viewer={viewer} />
      ))}
    </Table>
  );
}
