import { toAlgorithmView } from '@/lib/algorithms/algorithm-view';
import { getAlgorithmForOwner } from '@/lib/algorithms/get-algorithm-for-owner';
import { db } from '@/lib/db/client';
import { userRoute } from '@/lib/http/json-route';

export const dynamic = 'force-dynamic';

/** One of the caller's algorithms with its versions; 404 for anyone else's. */
export const GET = userRoute<{ owner: string; name: string }>(async (_request, user, { owner, name }) => ({
  algorithm: toAlgorithmView(await getAlgorithmForOwner(db(), user.id, owner, name)),
}));
