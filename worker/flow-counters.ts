import type { Db } from '@/lib/db/client';
import type { Logger } from '@/lib/logger';
import type { MessageEvent, WorkerMetrics } from './metrics';
import { addFlowCounters, type FlowCounterDelta } from './sql/add-flow-counters';

/**
 * Per-flow message counters: Prometheus at once, the EventFlow row and its per-minute
 * rollup every `intervalMs` in one statement (the database is written at a modest rate,
 * however busy the queues). Old rollups are pruned by the retention sweeper.
 */
export interface FlowCounters {
  count(flowId: string, event: MessageEvent, amount?: number): void;
  /** Writes what is pending; on failure it stays pending for the next flush. */
  flush(): Promise<void>;
  /** Stops the timer and writes what is left. */
  stop(): Promise<void>;
}

export function startFlowCounters(options: { db: Db; intervalMs: number; metrics: WorkerMetrics; logger: Logger }): FlowCounters {
  let pending = new Map<string, FlowCounterDelta>();
  let flushing: Promise<void> = Promise.resolve();

  const writePending = async () => {
    const deltas = [...pending.values()];
    pending = new Map();
    try {
      await addFlowCounters(options.db, deltas);
    } catch (error) {
      options.logger.warn({ err: error }, 'could not write flow counters; retrying with the next flush');
      for (const delta of deltas) merge(delta);
    }
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
