'use client';

import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { formatDuration } from '@/components/format';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { Timestamp } from '@/components/ui/timestamp';
import { fetchJson } from '@/lib/http/fetch-json';
import { DEAD_RUN_STATUSES } from '@/lib/runs/dead-run-statuses';
import type { RunDetail } from '@/lib/runs/get-run-detail';
import { describeRunDeletion } from '@/lib/runs/run-retention';
import { AttemptHistory } from './attempt-history';
import { describeAttempts } from './describe-attempts';
import { ReplayRunButton } from './replay-run-button';
import { RunSource } from './run-source';
import { RunStatusBadge } from './run-status-badge';

const REFRESH_MS = 2_000;

/** One run: its timings, input and output or error; refreshed until it has finished. */
export function RunDetailView({ initialRun }: { initialRun: RunDetail }) {
  const { data: run } = useQuery({
    queryKey: ['run', initialRun.id],
    queryFn: () => fetchJson<{ run: RunDetail }>(`/api/v1/runs/${initialRun.id}`).then((body) => body.run),
    initialData: initialRun,
    refetchInterval: (query) => (isFinished(query.state.data ?? initialRun) ? false : REFRESH_MS),
  });
  return (
    <div className="space-y-6">
      <Card className="p-5">
        <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2 lg:grid-cols-3">
          <Item label="Status">
            <RunStatusBadge status={run.status} />
          </Item>
          <Item label="Source">
            <RunSource run={run} algorithmBase={`/algorithms/${run.algorithm.owner}/${run.algorithm.name}`} />
          </Item>
          <Item label="Version">
            <span className="font-mono">{run.version}</span>
          </Item>
          <Item label="Queued">
            <Timestamp iso={run.createdAt} precise />
          </Item>
          <Item label="Started">{run.startedAt ? <Timestamp iso={run.startedAt} precise /> : '—'}</Item>
          <Item label="Finished">{run.finishedAt ? <Timestamp iso={run.finishedAt} precise /> : '—'}</Item>
          <Item label="Duration">{formatDuration(run.durationMs)}</Item>
          <Item label="Timeout">{run.timeoutSeconds} s</Item>
          <Item label="Attempts">{describeAttempts(run)}</Item>
        </dl>
        {run.deletion ? <p className="mt-3 text-xs text-slate-600">{describeRunDeletion(run.status, run.deletion)}</p> : null}
        <ReplayRunButton runId={run.id} dead={isDead(run)} />
      </Card>
      {run.attemptLog.length > 0 ? (
        <section className="space-y-2" aria-label="Attempt history">
          <h2 className="text-sm font-semibold">Attempt history</h2>
          <AttemptHistory log={run.attemptLog} error={run.error} />
        </section>
      ) : null}
      {run.inputNote ? <p className="text-sm text-amber-800">{run.inputNote}</p> : null}
      <Section title="Input">{printed(run.input)}</Section>
      {run.error ? (
        <section className="space-y-2">
          <h2 className="text-sm font-semibold">Error</h2>
          <Alert>{run.error}</Alert>
        </section>
      ) : isFinished(run) ? (
        <Section title="Output">{printed(run.output)}</Section>
      ) : null}
    </div>
  );
}

function isDead(run: RunDetail): boolean {
  return (DEAD_RUN_STATUSES as readonly string[]).includes(run.status);
}

function isFinished(run: RunDetail): boolean {
  return run.status !== 'QUEUED' && run.status !== 'RUNNING';
}

function printed(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{label}</dt>
      <dd className="mt-1 text-slate-800">{children}</dd>
    </div>
  );
}

function Section({ title, children }: { title: string; children: string }) {
  return (
    <section className="space-y-2" aria-label={title}>
      <h2 className="text-sm font-semibold">{title}</h2>
      <pre className="max-h-96 overflow-auto rounded-lg bg-slate-900 px-4 py-3 font-mono text-xs whitespace-pre-wrap text-slate-100">{children}</pre>
    </section>
  );
}
