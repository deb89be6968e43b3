import { NextResponse } from 'next/server';
import { toAlgorithmListItem, toAlgorithmView } from '@/lib/algorithms/algorithm-view';
import { createAlgorithm } from '@/lib/algorithms/create-algorithm';
import { listAlgorithms } from '@/lib/algorithms/list-algorithms';
import { db } from '@/lib/db/client';
import { userRoute } from '@/lib/http/json-route';
import { readJsonBody } from '@/lib/http/read-json-body';

export const dynamic = 'force-dynamic';

/** The caller's algorithms, newest first. */
export const GET = userRoute(async (_request, user) => {
  const algorithms = await listAlgorithms(db(), user.id);
  return { algorithms: algorithms.map((algorithm) => toAlgorithmListItem(algorithm, user.username)) };
});

/** Creates an algorithm: { name, description? }. */
export const POST = userRoute(async (request, user) => {
  const created = await createAlgorithm(db(), user.id, await readJsonBody(request));
  const algorithm = toAlgorithmView({ ...created, owner: { username: user.username }, versions: [] });
  return NextResponse.json({ algorithm }, { status: 201 });
});
