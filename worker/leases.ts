import type { Db } from '@/lib/db/client';
import { claimFlows } from './sql/claim-flows';
import { fairShare } from './sql/fair-share';
import { heartbeatWorker } from './sql/heartbeat-worker';
import { renewLeases } from './sql/renew-leases';

export interface LeaseSync {
  /** Flows this process should run now. */
  kept: string[];
  /** Flows this process holds beyond its fair share: to hand over to the others. */
  overShare: string[];
}

/**
 * One heartbeat: this process's leases are renewed, its fair share of the flows nobody
 * holds is claimed, and what it holds beyond its share (after another process joined)
 * is named for release. Flows already being released are left out of the count.
 */
export async function syncLeases(
  db: Db,
  worker: { id: string; hostname: string },
  leaseMs: number,
  releasing: ReadonlySet<string>,
): Promise<LeaseSync> {
  await heartbeatWorker(db, worker, leaseMs);
  const renewed = (await renewLeases(db, worker.id, leaseMs)).filter((flowId) => !releasing.has(flowId));
  const share = await fairShare(db, leaseMs);
  const claimed = await claimFlows(db, worker.id, leaseMs, share - renewed.length);
  const held = [...renewed.sort(), ...claimed];
  return { kept: held.slice(0, share), overShare: held.slice(share) };
}
