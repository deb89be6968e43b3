import { db } from '@/lib/db/client';
import { userRoute } from '@/lib/http/json-route';
import { replayAnswer } from '@/lib/runs/replay-answer';
import { requeueDeadRuns } from '@/lib/runs/requeue-dead-runs';

export const dynamic = 'force-dynamic';

/**
 * Replays one DEAD or EXPIRED run of the caller's algorithm, if the queue limits have room
 * (429 with Retry-After otherwise): 404 for anyone else, 409 for a run that is not dead.
 */
export const POST = userRoute<{ runId: string }>(async (_request, user, { runId }) => replayAnswer(await requeueDeadRuns(db(), user.id, { runId })));
