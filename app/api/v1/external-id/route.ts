import { db } from '@/lib/db/client';
import { getExternalId } from '@/lib/external-ids/get-external-id';
import { rotateExternalId } from '@/lib/external-ids/rotate-external-id';
import { userRoute } from '@/lib/http/json-route';

export const dynamic = 'force-dynamic';

/** The caller's external ID, which every AssumeRole for their flows sends. */
export const GET = userRoute(async (_request, user) => ({ externalId: await getExternalId(db(), user.id) }));

/** Rotate: a new ID; flows stop until their roles trust it. */
export const POST = userRoute(async (_request, user) => ({ externalId: await rotateExternalId(db(), user.id) }));
