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
        actions={<AwsSetupLink />}
      />
      <QueueOverviewPanel />
    </>
  );
}
