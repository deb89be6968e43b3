import { forbidden } from 'next/navigation';
import { PlatformSettingsForm } from '@/components/admin/platform-settings-form';
import { PageHeader } from '@/components/ui/page-header';
import { requireSessionUser } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import { getPlatformSettings } from '@/lib/settings/get-platform-settings';

export const metadata = { title: 'Platform settings' };

export default async function PlatformSettingsPage() {
  const user = await requireSessionUser();
  if (!user.isAdmin) forbidden();
  const settings = await getPlatformSettings(db());
  return (
    <>
      <PageHeader title="Platform settings" description="Capacity of the algorithm API. Until saved here, MAX_WORKERS and USER_SESSION_LIMIT apply." />
      <PlatformSettingsForm initial={settings} />
    </>
  );
}
