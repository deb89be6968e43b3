import { cache } from 'react';
import { getAlgorithmForReader } from '@/lib/algorithms/get-algorithm-for-reader';
import { requireSessionUser } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import { orNotFound } from '@/lib/http/or-not-found';

export type AlgorithmPageParams = Promise<{ owner: string; name: string }>;

/**
 * The algorithm of this URL (once per request) for its owner, or for an admin (the admin
 * view links to connection pages; every change still checks ownership); 404 for anyone else.
 */
export const loadAlgorithm = cache(async (owner: string, name: string) => {
  const user = await requireSessionUser();
  return orNotFound(getAlgorithmForReader(db(), user, owner, name));
});
