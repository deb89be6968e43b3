import { notFound } from 'next/navigation';
import { cache } from 'react';
import { requireSessionUser } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import { getFlowDetail } from '@/lib/flows/get-flow-detail';
import type { EventFlowKind } from '@/lib/generated/prisma/client';
import { orNotFound } from '@/lib/http/or-not-found';
import { connectionPath } from '@/lib/flows/connection-path';

export type ConnectionPageParams = Promise<{ owner: string; name: string; flowId: string }>;

/** The flow of a connection page's URL: of this algorithm and kind, readable by the user; else the 404 page. */
export const loadConnection = cache(async (owner: string, name: string, flowId: string, kind: EventFlowKind) => {
  const user = await requireSessionUser();
  const detail = await orNotFound(getFlowDetail(db(), user, flowId));
  if (detail.algorithm.owner !== owner || detail.algorithm.name !== name || detail.flow.kind !== kind) notFound();
  return { detail, path: connectionPath({ owner, algorithmName: name, kind, id: flowId }) };
});
