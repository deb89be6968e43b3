import type { Db } from '@/lib/db/client';
import type { FlowView } from './flow-view';
import { updateOwnedFlow } from './update-owned-flow';

/** The worker stops polling the queue; its messages stay there. */
export function pauseFlow(db: Db, userId: string, flowId: string): Promise<FlowView> {
  return updateOwnedFlow(db, userId, flowId, { enabled: false, status: 'PAUSED' });
}
