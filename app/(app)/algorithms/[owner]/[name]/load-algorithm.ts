import { cache } from 'react';
import { getAlgorithmForOwner } from '@/lib/algorithms/get-algorithm-for-owner';
import { requireSessionUser } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import { orNotFound } from '@/lib/http/or-not-found';

export type AlgorithmPageParams = Promise<{ owner: string; name: string }>;

/** The signed-in user's algorithm of this URL (once per request), or the 404 page for anyone else. */
export const loadAlgorithm = cache(async (owner: string, name: string) => {
  const user = await requireSessionUser();
  return orNotFound(getAlgorithmForOwner(db(), user.id, owner, name));
});
