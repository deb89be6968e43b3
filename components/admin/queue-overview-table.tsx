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
import { DlqSparkline } from './dlq-sparkline';
import { SortableTh } from './sortable-th';
import { WAITING_REASON } from '@/components/flows/flow-status-badge';

function Problem({ problem }: { problem: QueueProblem }) {
  const tone = problem.code === 'NO_REDRIVE_POLICY' ? 'text-amber-800' : 'text-red-700';
  return <p className={`mt-1 max-w-xs text-xs ${tone}`}>{problem.message}</p>;
}

function Count({ value, testId, alarm }: { value: number | undefined; testId: string; alarm?: boolean }) {
  return (
    <Td className={`text-right tabular-nums ${alarm && value ? 'font-semibold text-red-700' : ''}`} data-testid={testId}>
      {value ?? '—'}
    </Td>
  );
}

function OldestCell({ row }: { row: QueueOverviewRow }) {
  const oldest = row.readout.dlq?.ok ? row.readout.dlq.oldestMessage : null;
  if (!oldest) return <Td className="text-right">—</Td>;
  if (!oldest.ok) return <Td className="text-right" title={oldest.problem.message}>?</Td>;
  return (
    <Td className="text-right tabular-nums" title={oldest.lowerBound ? 'At least this old: only a sample of the DLQ was looked at' : undefined}>
      {oldest.lowerBound ? '≥ ' : ''}
      {formatAge(oldest.ageSeconds)}
    </Td>
  );
}

function QueueRow({ row, viewer }: { row: QueueOverviewRow; viewer: string }) {
  const { source, dlq } = row.readout;
  const kind = row.kind === 'BROKER' ? 'Connection' : 'Listener';
  return (
    <tr aria-label={`${row.algorithm} ${kind.toLowerCase()} on ${row.queueName}`}>
      <Td>
        <p className="font-mono text-xs whitespace-nowrap">{row.algorithm}</p>
        <div className="mt-1 flex flex-wrap gap-1">
          <Badge tone="blue">{kind}</Badge>
          {row.enabled ? null : <Badge>Paused</Badge>}
        </div>
        {row.status === 'WAITING' ? <p className="mt-1 max-w-56 text-xs text-amber-700">{WAITING_REASON}</p> : null}
      </Td>
      <Td className="min-w-56">
        <Link
          href={`/algorithms/${row.owner}/${row.algorithmName}/${row.kind === 'BROKER' ? 'events' : 'listeners'}/${row.flowId}`}
          className="font-mono text-xs whitespace-nowrap text-brand-700 hover:underline"
          title={row.queueUrl}
        >
          {row.queueName}
        </Link>
        {!source.ok ? (
          <Problem problem={source.problem} />
        ) : dlq?.ok ? (
          <p className="mt-1 text-xs whitespace-nowrap text-slate-500" title={dlq.url}>
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
      <Td>
        <DlqSparkline series={row.dlqSeries} />
      </Td>
      <OldestCell row={row} />
      <Td>
        <div className="flex flex-col items-stretch gap-2">
          {dlq?.ok ? <DlqDialogButton flowId={row.flowId} queueName={row.queueName} dlqName={dlq.name} canRedrive={row.owner === viewer} /> : null}
          <TestConnectionButton flowId={row.flowId} label={`Test connection to ${row.queueName}`} resultIn="dialog" />
        </div>
      </Td>
    </tr>
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
          <SortableTh label="Owner/algorithm" sortKey="algorithm" {...header} />
          <SortableTh label="Queue and DLQ" sortKey="queue" {...header} />
          <SortableTh label="Visible" sortKey="visible" numeric {...header} />
          <SortableTh label="In flight" sortKey="inFlight" numeric {...header} />
          <SortableTh label="Delayed" sortKey="delayed" numeric {...header} />
          <SortableTh label="DLQ depth" sortKey="dlqDepth" numeric {...header} />
          <SortableTh label="Dead runs" sortKey="deadRuns" numeric {...header} />
          <Th>Last hour</Th>
          <SortableTh label="Oldest" sortKey="oldest" numeric {...header} />
          <Th className="text-right">Actions</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {sortQueueRows(rows, sort).map((row) => (
          <QueueRow key={row.flowId} row={row} viewer={viewer} />
        ))}
      </tbody>
    </Table>
  );
}
