import type { Db } from '@/lib/db/client';
import type { FlowView } from './flow-view';
import { updateOwnedFlow } from './update-owned-flow';

/** The worker picks the flow up again; the last error belonged to the previous run. */
export function resumeFlow(db: Db, userId: string, flowId: string): Promise<FlowView> {
  return updateOwnedFlow(db, userId, flowId, { enabled: true, status: 'STARTING', lastError: null });
}
