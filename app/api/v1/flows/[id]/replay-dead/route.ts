import { db } from '@/lib/db/client';
import { userRoute } from '@/lib/http/json-route';
import { replayAnswer } from '@/lib/runs/replay-answer';
import { requeueDeadRuns } from '@/lib/runs/requeue-dead-runs';

export const dynamic = 'force-dynamic';

/**
 * Replays the DEAD or EXPIRED runs of a connection of the caller's algorithm, oldest first,
 * as many as the queue limits have room for (404 for anyone else; 429 when none fit).
 */
export const POST = userRoute<{ id: string }>(async (_request, user, { id }) => replayAnswer(await requeueDeadRuns(db(), user.id, { flowId: id })));
