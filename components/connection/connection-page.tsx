'use client';

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
  ERROR: 'The worker cannot read the queue.',
  WAITING: "Waiting: the platform's backlog is full; polling resumes when it has room.",
};

/** A page per connection: status, settings, charts and recent messages, refreshed every 10 s. */
export function ConnectionPage({ initial, connectionPath }: { initial: FlowDetail; connectionPath: string }) {
  const { data: detail, isError, error } = useConnection(initial.flow.id, initial);
  const { flow, algorithm } = detail;
  const algorithmBase = `/algorithms/${algorithm.owner}/${algorithm.name}`;
  const counters = [
    ['Received', flow.receivedCount],
    ['Accepted', flow.acceptedCount],
    ['Requeued (429)', flow.requeuedCount],
    ['Failed', flow.failedCount],
    ['Filtered', flow.filteredCount],
    ['Dead runs', detail.deadRuns],
  ] as const;
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
      {flow.lastError && flow.status === 'ERROR' ? <Alert>Last error: {flow.lastError}</Alert> : null}
      <section aria-label="Counters" className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-7">
        {counters.map(([label, value]) => (
          <div key={label} className="rounded-lg bg-white px-3 py-2 shadow-sm ring-1 ring-slate-200">
            <p className="text-xs text-slate-500">{label}</p>
            <p className="text-lg font-semibold text-slate-900 tabular-nums">{value}</p>
          </div>
        ))}
        <QueueNow flowId={flow.id} />
      </section>
      <ConnectionSettings flow={flow} />
      <ConnectionCharts flowId={flow.id} />
      <RecentMessages flowId={flow.id} algorithmBase={algorithmBase} connectionPath={connectionPath} />
    </div>
  );
}
