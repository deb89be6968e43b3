import { assertAdmin } from '@/lib/auth/assert-admin';
import { db } from '@/lib/db/client';
import { userRoute } from '@/lib/http/json-route';
import { readJsonBody } from '@/lib/http/read-json-body';
import { getPlatformSettings } from '@/lib/settings/get-platform-settings';
import { updatePlatformSettings } from '@/lib/settings/update-platform-settings';

export const dynamic = 'force-dynamic';

export const GET = userRoute(async (_request, user) => {
  assertAdmin(user);
  return { settings: await getPlatformSettings(db()) };
});

export const PUT = userRoute(async (request, user) => {
  assertAdmin(user);
  return { settings: await updatePlatformSettings(db(), await readJsonBody(request)) };
});
