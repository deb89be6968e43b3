import type { Db } from '@/lib/db/client';
import { pruneFlowMetrics } from '@/lib/flow-metrics/prune-flow-metrics';
import type { Logger } from '@/lib/logger';
import type { MessageEvent, WorkerMetrics } from './metrics';
import { addFlowCounters, type FlowCounterDelta } from './sql/add-flow-counters';

/**
 * Per-flow message counters: Prometheus at once, the EventFlow row and its per-minute
 * rollup every `intervalMs` in one statement (the database is written at a modest rate,
 * however busy the queues). Rollups older than `retentionDays` are pruned hourly.
 */
export interface FlowCounters {
  count(flowId: string, event: MessageEvent, amount?: number): void;
  /** Writes what is pending; on failure it stays pending for the next flush. */
  flush(): Promise<void>;
  /** Stops the timer and writes what is left. */
  stop(): Promise<void>;
}

const PRUNE_INTERVAL_MS = 60 * 60 * 1000;

export function startFlowCounters(options: { db: Db; intervalMs: number; metrics: WorkerMetrics; logger: Logger; retentionDays?: number }): FlowCounters {
  let pending = new Map<string, FlowCounterDelta>();
  let flushing: Promise<void> = Promise.resolve();
  let prunedAt = 0;

  const pruneIfDue = async () => {
    if (options.retentionDays === undefined || Date.now() - prunedAt < PRUNE_INTERVAL_MS) return;
    prunedAt = Date.now();
    await pruneFlowMetrics(options.db, options.retentionDays).catch((error: unknown) =>
      options.logger.warn({ err: error }, 'could not prune old flow metrics; trying again in an hour'),
    );
  };

  const writePending = async () => {
    const deltas = [...pending.values()];
    pending = new Map();
    try {
      await addFlowCounters(options.db, deltas);
    } catch (error) {
      options.logger.warn({ err: error }, 'could not write flow counters; retrying with the next flush');
      for (const delta of deltas) merge(delta);
    }
    await pruneIfDue();
  };

  const merge = (delta: FlowCounterDelta) => {
    const into = entryFor(delta.flowId);
    into.received += delta.received;
    into.accepted += delta.accepted;
    into.requeued += delta.requeued;
    into.failed += delta.failed;
    into.filtered += delta.filtered;
    into.lastMessageAt = Math.max(into.lastMessageAt ?? 0, delta.lastMessageAt ?? 0) || null;
  };

  const entryFor = (flowId: string) => {
    let entry = pending.get(flowId);
    if (!entry) {
      entry = { flowId, received: 0, accepted: 0, requeued: 0, failed: 0, filtered: 0, lastMessageAt: null };
      pending.set(flowId, entry);
    }
    return entry;
  };

  const flush = () => (flushing = flushing.then(writePending));
  const timer = setInterval(() => void flush(), options.intervalMs);

  return {
    count(flowId, event, amount = 1) {
      if (amount <= 0) return;
      options.metrics.messages[event].inc({ flow: flowId }, amount);
      const entry = entryFor(flowId);
      entry[event] += amount;
      if (event === 'received') entry.lastMessageAt = Date.now();
    },
    flush,
    async stop() {
      clearInterval(timer);
      await flush();
    },
  };
}
