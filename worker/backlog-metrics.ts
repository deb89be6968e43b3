import type { Registry } from 'prom-client';
import { readFlowQueues } from '@/lib/admin/read-flow-queues';
import { mapWithConcurrency } from '@/lib/async/map-with-concurrency';
import type { Db } from '@/lib/db/client';
import { recordQueueSamples } from '@/lib/flow-metrics/record-queue-samples';
import { FLOW_ROLE_SELECT, flowQueueOf } from '@/lib/flows/flow-role';
import type { Logger } from '@/lib/logger';
import type { SharedSqsClients } from '@/lib/sqs/shared-sqs-clients';
import { createBacklogGauges } from './backlog-gauges';
import { readRunBacklog } from './sql/read-run-backlog';

export interface BacklogMetricsOptions {
  db: Db;
  workerId: string;
  registry: Registry;
  /** The consumers' clients: a pass makes no client and no connection of its own. */
  sqsClients: SharedSqsClients;
  intervalMs: number;
  logger: Logger;
}

const READ_CONCURRENCY = 8;
const STOP_WAIT_MS = 2_000;

// Passes start half-way through each interval of the clock (at :30 with the default
// minute), not an interval after the last one ended: with the default, every chart
// minute gets exactly one sample however long passes take, and a skew of under 30 s
// between this clock and PostgreSQL's (which stamps the minute) moves none into the next.
const untilNextPass = (intervalMs: number) => intervalMs - ((Date.now() + intervalMs / 2) % intervalMs);

/**
 * The gauges an operator alerts and scales on (docs/operations.md, "Monitoring"), refreshed
 * at start and then once every `intervalMs` of the clock: the platform's run backlog (every
 * worker reports the same values: aggregate with max) and, for the flows this worker
 * leases, their status and their queues' depths, read as each flow's role without peeking.
 * Each queue reading is also the minute's sample of the connection page's backlog and DLQ
 * charts.
 */
export function startBacklogMetrics({ db, workerId, registry, sqsClients, intervalMs, logger }: BacklogMetricsOptions): { stop(): Promise<void> } {
  const gauges = createBacklogGauges(registry);

  async function samplePass(): Promise<void> {
    const [backlog, flows] = await Promise.all([
      readRunBacklog(db),
      db.eventFlow.findMany({ where: { leaseOwner: workerId }, select: { ...FLOW_ROLE_SELECT, status: true } }),
    ]);
    const readouts = await mapWithConcurrency(flows, READ_CONCURRENCY, async (flow) => {
      // A pass still going when the worker stops (its clients destroyed) reads no more.
      if (stopped) return null;
      const queue = flowQueueOf(flow);
      const client = sqsClients.clientFor(queue);
      const readout = await readFlowQueues(queue, client.call, null).finally(() => client.release());
      return { flow, readout };
    }).then((all) => all.filter((read) => read !== null));
    if (stopped) return;
    await recordQueueSamples(db, readouts.map(({ flow, readout }) => ({ flowId: flow.id, readout }))).catch((error: unknown) =>
      logger.warn({ err: error }, 'could not record the queue samples'),
    );
    // Set together, after every await: a scrape never sees a flow that moved away, nor half a pass.
    gauges.queuedRuns.set(backlog.queued);
    gauges.oldestQueuedRun.set(backlog.oldestQueuedSeconds);
    gauges.recentDeadRuns.set(backlog.deadLast15m);
    for (const perFlow of [gauges.flowStatus, gauges.queueMessages, gauges.dlqMessages]) perFlow.reset();
    for (const { flow, readout } of readouts) {
      gauges.flowStatus.set({ flow: flow.id, status: flow.status }, 1);
      if (readout.source.ok) gauges.queueMessages.set({ flow: flow.id }, readout.source.visible + readout.source.inFlight);
      if (readout.dlq?.ok) gauges.dlqMessages.set({ flow: flow.id }, readout.dlq.depth);
    }
  }

  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let pass: Promise<void> = Promise.resolve();
  const loop = () => {
    pass = samplePass()
      .catch((error: unknown) => logger.warn({ err: error }, 'could not sample the backlog for the metrics'))
      .finally(() => {
        if (!stopped) timer = setTimeout(loop, untilNextPass(intervalMs));
      });
  };
  loop();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      // A pass waiting on SQS is not worth holding the shutdown for.
      await Promise.race([pass, new Promise((resolve) => setTimeout(resolve, STOP_WAIT_MS).unref())]);
    },
  };
}
