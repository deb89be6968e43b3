import { getAlgorithmForOwner } from '@/lib/algorithms/get-algorithm-for-owner';
import { db } from '@/lib/db/client';
import { userRoute } from '@/lib/http/json-route';
import { listAlgorithmRuns } from '@/lib/runs/list-algorithm-runs';

export const dynamic = 'force-dynamic';

export const GET = userRoute<{ owner: string; name: string }>(async (_request, user, { owner, name }) => {
  const algorithm = await getAlgorithmForOwner(db(), user.id, owner, name);
  return { runs: await listAlgorithmRuns(db(), algorithm.id) };
});
