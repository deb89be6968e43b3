import { createApiKey } from '@/lib/api-keys/create-api-key';
import { listApiKeys } from '@/lib/api-keys/list-api-keys';
import { db } from '@/lib/db/client';
import { userRoute } from '@/lib/http/json-route';
import { readJsonBody } from '@/lib/http/read-json-body';

export const GET = userRoute(async (_request, user) => ({ apiKeys: await listApiKeys(db(), user.id) }));

export const POST = userRoute(async (request, user) => ({ apiKey: await createApiKey(db(), user.id, await readJsonBody(request)) }));
