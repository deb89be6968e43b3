import { getAlgorithmForOwner } from '@/lib/algorithms/get-algorithm-for-owner';
import { db } from '@/lib/db/client';
import { userRoute } from '@/lib/http/json-route';
import { listAlgorithmRuns } from '@/lib/runs/list-algorithm-runs';

export const dynamic = 'force-dynamic';

/** The algorithm's latest runs; ?messageId= searches by SQS message id (prefix). */
export const GET = userRoute<{ owner: string; name: string }>(async (request, user, { owner, name }) => {
  const algorithm = await getAlgorithmForOwner(db(), user.id, owner, name);
  return { runs: await listAlgorithmRuns(db(), algorithm.id, new URL(request.url).searchParams.get('messageId') ?? undefined) };
});
