import { createTtlCache, type TtlCache } from '@/lib/cache/ttl-cache';
import type { FlowQueueReadout } from './flow-queue-readout';
import type { QueueFlow } from '@/lib/sqs/queue-access';
import type { OldestSample } from './read-flow-queues';

// Many admins looking at the same page ask SQS once per queue every few seconds. The
// oldest-message sample is kept longer: each peek counts as a receive of DLQ messages.

export const READOUT_TTL_MS = 5_000;
export const OLDEST_SAMPLE_TTL_MS = 30_000;

export interface QueueReadoutCaches {
  readouts: TtlCache<FlowQueueReadout>;
  oldestSamples: TtlCache<OldestSample>;
}

export function createQueueReadoutCaches(): QueueReadoutCaches {
  return { readouts: createTtlCache({ ttlMs: READOUT_TTL_MS }), oldestSamples: createTtlCache({ ttlMs: OLDEST_SAMPLE_TTL_MS }) };
}

/** Flows that share a queue and a role share a readout. */
export function readoutKey(flow: QueueFlow): string {
  return JSON.stringify([flow.roleArn, flow.externalId, flow.queueUrl]);
}

const globalForCaches = globalThis as unknown as { eventFlowsQueueReadouts?: QueueReadoutCaches };

/** This process's caches (the web app's, shared by every request). */
export function queueReadoutCaches(): QueueReadoutCaches {
  globalForCaches.eventFlowsQueueReadouts ??= createQueueReadoutCaches();
  return globalForCaches.eventFlowsQueueReadouts;
}
