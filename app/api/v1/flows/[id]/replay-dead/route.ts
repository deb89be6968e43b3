import { db } from '@/lib/db/client';
import { userRoute } from '@/lib/http/json-route';
import { requeueDeadRuns } from '@/lib/runs/requeue-dead-runs';

export const dynamic = 'force-dynamic';

/** Replays every DEAD or EXPIRED run of a connection of the caller's algorithm (404 for anyone else). */
export const POST = userRoute<{ id: string }>(async (_request, user, { id }) => ({ replayed: (await requeueDeadRuns(db(), user.id, { flowId: id })).length }));
