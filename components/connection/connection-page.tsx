'use client';

import type { ReactNode } from 'react';

import { MESSAGE_COUNTS, RUN_COUNTS, type CountWords } from '@/components/flows/count-words';
import { FlowStatus } from '@/components/flows/flow-status-badge';
import { ReplayDeadRunsButton } from '@/components/runs/replay-dead-runs-button';
import { Alert } from '@/components/ui/alert';
import type { FlowDetail } from '@/lib/flows/get-flow-detail';
import { ConnectionCharts } from './connection-charts';
import { ConnectionSettings } from './connection-settings';
import { EditConnectionDialog } from './edit-connection-dialog';
import { QueueNow } from './queue-now';
import { RecentMessages } from './recent-messages';
import { SendTestMessageDialog } from './send-test-message-dialog';
import { useConnection } from './use-connection';

const STATUS_WORDS: Record<FlowDetail['flow']['status'], string> = {
  ACTIVE: 'The worker is polling the queue.',
  STARTING: 'The worker is starting to poll the queue.',
  PAUSED: 'Paused: the queue is not polled; messages wait in SQS.',
  ERROR: 'Not running: the reason is below.',
  WAITING: "Waiting: the platform's backlog is full; polling resumes when it has room.",
};

/** A page per connection: status, settings, charts and recent messages, refreshed every 10 s. */
export function ConnectionPage({ initial, connectionPath }: { initial: FlowDetail; connectionPath: string }) {
  const { data: detail, isError, error } = useConnection(initial.flow.id, initial);
  const { flow, algorithm } = detail;
  const algorithmBase = `/algorithms/${algorithm.owner}/${algorithm.name}`;
  const messageCounts: Array<[CountWords, number]> = [
    [MESSAGE_COUNTS.received, flow.receivedCount],
    [MESSAGE_COUNTS.accepted, flow.acceptedCount],
    [MESSAGE_COUNTS.requeued, flow.requeuedCount],
    [MESSAGE_COUNTS.deliveryErrors, flow.failedCount],
    [MESSAGE_COUNTS.filtered, flow.filteredCount],
  ];
  const runCounts: Array<[CountWords, number]> = [
    [RUN_COUNTS.succeeded, flow.runsSucceeded],
    [RUN_COUNTS.failed, flow.runsFailed],
    [RUN_COUNTS.dead, detail.deadRuns],
  ];
  return (
    <div className="space-y-6">
      <header className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0 space-y-1">
          <p className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{flow.kind === 'BROKER' ? 'Broker connection' : 'Event listener'}</p>
          <h2 className="text-xl font-semibold break-all text-slate-900">{flow.queueName}</h2>
          <div className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
            <FlowStatus flow={{ status: flow.status, lastError: null }} />
            <span>{STATUS_WORDS[flow.status]}</span>
          </div>
        </div>
        <div className="flex flex-wrap gap-2">
          {detail.canEdit ? <SendTestMessageDialog target={{ flowId: flow.id, queueName: flow.queueName, algorithmBase, connectionPath, filters: flow.filters }} /> : null}
          {detail.canEdit ? <EditConnectionDialog key={flow.editedAt ?? 'never'} detail={detail} /> : null}
          {detail.canEdit ? <ReplayDeadRunsButton flowId={flow.id} queueName={flow.queueName} deadRuns={detail.deadRuns} /> : null}
        </div>
      </header>
      {isError ? <Alert tone="warning">Could not refresh the connection: {error.message}. Showing what was last loaded.</Alert> : null}
      {flow.lastError && flow.status === 'ERROR' ? <Alert>{flow.lastError}</Alert> : null}
      <div className="grid gap-4 lg:grid-cols-[3fr_2fr]">
        <CountGroup title="Messages" caption="What the worker did with the messages it took from the queue." counts={messageCounts}>
          <QueueNow flowId={flow.id} />
        </CountGroup>
        <CountGroup title="Runs" caption="What became of the runs the messages started." counts={runCounts} />
      </div>
      <ConnectionSettings flow={flow} />
      <ConnectionCharts flowId={flow.id} />
      <RecentMessages flowId={flow.id} algorithmBase={algorithmBase} connectionPath={connectionPath} />
    </div>
  );
}

/** One kind of count (messages, or runs) as cards, each saying what it counts on hover. */
function CountGroup({ title, caption, counts, children }: { title: string; caption: string; counts: Array<[CountWords, number]>; children?: ReactNode }) {
  return (
    <section aria-label={`${title} counts`} className="space-y-2">
      <div>
        <h3 className="text-sm font-semibold text-slate-900">{title}</h3>
        <p className="text-xs text-slate-500">{caption}</p>
      </div>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3">
        {counts.map(([words, value]) => (
          <div key={words.title} title={words.caption} className="cursor-help rounded-lg bg-white px-3 py-2 shadow-sm ring-1 ring-slate-200">
            <p className="text-xs text-slate-500">{words.title}</p>
            <p className="text-lg font-semibold text-slate-900 tabular-nums">{value.toLocaleString('en')}</p>
          </div>
        ))}
        {children}
      </div>
    </section>
  );
}
