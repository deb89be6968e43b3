import { getAlgorithmForOwner } from '@/lib/algorithms/get-algorithm-for-owner';
import { db } from '@/lib/db/client';
import { userRoute } from '@/lib/http/json-route';
import { listAlgorithmRuns } from '@/lib/runs/list-algorithm-runs';
import { parseRunStatusFilter } from '@/lib/runs/run-status-filter';

export const dynamic = 'force-dynamic';

/**
 * A page of the algorithm's runs, newest first, with the total; ?messageId= searches by SQS
 * message id (prefix), ?status= (dead, expired, failed, …) narrows them, ?cursor= is the next page.
 */
export const GET = userRoute<{ owner: string; name: string }>(async (request, user, { owner, name }) => {
  const params = new URL(request.url).searchParams;
  const status = parseRunStatusFilter(params.get('status'));
  const algorithm = await getAlgorithmForOwner(db(), user.id, owner, name);
  return listAlgorithmRuns(db(), algorithm.id, { messageId: params.get('messageId') ?? undefined, status }, params.get('cursor'));
});
