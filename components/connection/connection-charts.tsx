'use client';

import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import type { MetricsRange } from '@/lib/flow-metrics/get-flow-metrics';
import { MESSAGE_COUNTS, RUN_COUNTS } from '@/components/flows/count-words';
import { MetricChart } from './metric-chart';
import { useConnectionMetrics } from './use-connection';

const RANGES: Array<{ range: MetricsRange; label: string; per: string; period: string }> = [
  { range: 'hour', label: 'Last hour', per: 'per minute', period: 'the last hour' },
  { range: 'day', label: 'Last day', per: 'per 15 minutes', period: 'the last day' },
];

/** The connection's charts for the last hour or day, from its per-minute rollups, refreshed every 10 s. */
export function ConnectionCharts({ flowId }: { flowId: string }) {
  const [range, setRange] = useState<MetricsRange>('hour');
  const metrics = useConnectionMetrics(flowId, range);
  const chosen = RANGES.find((r) => r.range === range)!;
  const points = metrics.data?.points ?? [];
  return (
    <section aria-labelledby="charts-title" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="charts-title" className="text-base font-semibold text-slate-900">
          Activity
        </h2>
        <div role="group" aria-label="Chart range" className="flex gap-1">
          {RANGES.map((r) => (
            <Button key={r.range} size="sm" variant={r.range === range ? 'primary' : 'secondary'} aria-pressed={r.range === range} onClick={() => setRange(r.range)}>
              {r.label}
            </Button>
          ))}
        </div>
      </div>
      {metrics.isError ? (
        <Alert>
          Could not load the charts: {metrics.error.message}{' '}
          <Button variant="ghost" size="sm" onClick={() => metrics.refetch()}>
            Try again
          </Button>
        </Alert>
      ) : null}
      {metrics.isPending ? (
        <p role="status" className="rounded-lg bg-white p-8 text-center text-sm text-slate-500 ring-1 ring-slate-200">
          Loading the charts…
        </p>
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          <MetricChart
            title={`Messages ${chosen.per}`}
            unit="Messages"
            points={points}
            empty={`No messages received in ${chosen.period}.`}
            series={[
              { key: 'received', label: MESSAGE_COUNTS.received.title, color: '#2563eb' },
              { key: 'accepted', label: MESSAGE_COUNTS.accepted.title, color: '#16a34a' },
              { key: 'requeued', label: MESSAGE_COUNTS.requeued.title, color: '#d97706' },
              { key: 'failed', label: MESSAGE_COUNTS.deliveryErrors.title, color: '#dc2626' },
              { key: 'filtered', label: MESSAGE_COUNTS.filtered.title, color: '#64748b' },
            ]}
          />
          <MetricChart
            title={`Runs ${chosen.per}`}
            unit="Runs"
            points={points}
            empty={`No runs ended in ${chosen.period}.`}
            series={[
              { key: 'runsSucceeded', label: RUN_COUNTS.succeeded.title, color: '#16a34a' },
              { key: 'runsFailed', label: RUN_COUNTS.failed.title, color: '#dc2626' },
              { key: 'runsDead', label: RUN_COUNTS.dead.title, color: '#7c3aed' },
            ]}
          />
          <MetricChart
            title="Run duration"
            unit="Milliseconds"
            points={points}
            connectGaps
            empty={`No run durations in ${chosen.period}.`}
            series={[
              { key: 'p50Ms', label: 'p50', color: '#0891b2' },
              { key: 'p95Ms', label: 'p95', color: '#be185d' },
            ]}
          />
          <MetricChart
            title="Queue backlog and DLQ depth"
            unit="Messages"
            points={points}
            connectGaps
            empty={`No queue messages sampled in ${chosen.period}: the backlog is sampled while this page or the admin view is open.`}
            series={[
              { key: 'queueBacklog', label: 'Backlog (visible + in flight)', color: '#2563eb' },
              { key: 'dlqDepth', label: 'DLQ depth', color: '#dc2626' },
            ]}
          />
        </div>
      )}
    </section>
  );
}
