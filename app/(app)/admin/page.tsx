import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { QueueOverviewPanel } from '@/components/admin/queue-overview-panel';
import { AwsSetupLink } from '@/components/aws-setup/aws-setup-link';
import { PageHeader } from '@/components/ui/page-header';
import { requireSessionUser } from '@/lib/auth/session';

export const metadata = { title: 'Admin' };

export default async function AdminPage() {
  const user = await requireSessionUser();
  if (!user.isAdmin) forbidden();
  return (
    <>
      <PageHeader
        title="Admin"
        description="Every broker connection and event listener of every user, with its queue and dead-letter queue, read with the connection's role."
        actions={
          <div className="flex items-center gap-4">
            <Link href="/admin/settings" className="text-sm font-medium text-brand-700 hover:underline">
              Platform settings
            </Link>
            <AwsSetupLink />
          </div>
        }
      />
      <QueueOverviewPanel viewer={user.username} />
    </>
  );
}
