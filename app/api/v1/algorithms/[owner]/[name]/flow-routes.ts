import { NextResponse } from 'next/server';
import { queueAccess } from '@/lib/sqs/queue-access';
import { getAlgorithmForOwner } from '@/lib/algorithms/get-algorithm-for-owner';
import { db } from '@/lib/db/client';
import { env } from '@/lib/env';
import { createFlow } from '@/lib/flows/create-flow';
import { listFlows } from '@/lib/flows/list-flows';
import { localSqsEndpoint } from '@/lib/flows/local-sqs-endpoint';
import { userRoute } from '@/lib/http/json-route';
import { readJsonBody } from '@/lib/http/read-json-body';
import type { EventFlowKind } from '@/lib/generated/prisma/client';

type AlgorithmParams = { owner: string; name: string };

/** GET (list) and POST (create) for one kind of flow of the caller's algorithm owner/name. */
export function flowRoutes(kind: EventFlowKind) {
  return {
    GET: userRoute<AlgorithmParams>(async (_request, user, { owner, name }) => {
      const algorithm = await getAlgorithmForOwner(db(), user.id, owner, name);
      return { flows: await listFlows(db(), algorithm.id, kind) };
    }),
    POST: userRoute<AlgorithmParams>(async (request, user, { owner, name }) => {
      const algorithm = await getAlgorithmForOwner(db(), user.id, owner, name);
      const input: unknown = await readJsonBody(request);
      const flow = await createFlow(db(), { algorithm, kind, input, localSqsEndpoint: localSqsEndpoint(env()), access: queueAccess() });
      return NextResponse.json({ flow }, { status: 201 });
    }),
  };
}
