import { revokeApiKey } from '@/lib/api-keys/revoke-api-key';
import { db } from '@/lib/db/client';
import { userRoute } from '@/lib/http/json-route';

export const DELETE = userRoute<{ id: string }>(async (_request, user, { id }) => {
  await revokeApiKey(db(), user.id, id);
  return { ok: true };
});
