import type { Db } from '@/lib/db/client';
import { readFlowToRun, type FlowToRun } from '@/lib/flow-messages/read-flow-to-run';

// Busy flows receive tens of batches a second, and each was reading its flow again (a
// round trip per ten messages). A change of the flow or of its algorithm's versions
// sends a NOTIFY, on which the worker forgets its copy; one missed (the listening
// connection down) is caught up with after this long at most.
export const FLOW_TO_RUN_MAX_AGE_MS = 1_000;

export interface FlowToRunCache {
  /** The flow as admission needs it; a copy read less than the maximum age ago, or read now. */
  read(): Promise<FlowToRun | undefined>;
  /** The flow changed: the next batch reads it again. */
  forget(): void;
}

/** One flow's settings and version for its received batches (the worker's in-process admission). */
export function createFlowToRunCache(db: Db, flowId: string, maxAgeMs = FLOW_TO_RUN_MAX_AGE_MS): FlowToRunCache {
  let kept: { flow: Promise<FlowToRun | undefined>; readAt: number } | undefined;
  return {
    read() {
      if (kept && Date.now() - kept.readAt < maxAgeMs) return kept.flow;
      const flow = readFlowToRun(db, flowId);
      const entry = { flow, readAt: Date.now() };
      kept = entry;
      // Only a flow that can run is kept: one that cannot is read again until it can.
      const drop = () => {
        if (kept === entry) kept = undefined;
      };
      flow.then((found) => {
        if (!found?.versionId) drop();
      }, drop);
      return flow;
    },
    forget() {
      kept = undefined;
    },
  };
}
