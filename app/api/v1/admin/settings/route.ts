import type { SessionUser } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { userRoute } from '@/lib/http/json-route';
import { getPlatformSettings } from '@/lib/settings/get-platform-settings';
import { updatePlatformSettings } from '@/lib/settings/update-platform-settings';

export const dynamic = 'force-dynamic';

function requireAdmin(user: SessionUser): void {
  if (!user.isAdmin) throw new AppError('FORBIDDEN', 'Only administrators can change platform settings');
}

export const GET = userRoute(async (_request, user) => {
  requireAdmin(user);
  return { settings: await getPlatformSettings(db()) };
});

export const PUT = userRoute(async (request, user) => {
  requireAdmin(user);
  return { settings: await updatePlatformSettings(db(), await request.json()) };
});
