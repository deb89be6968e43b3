import { CrossAccountDocumentsForm } from '@/components/aws-setup/cross-account-documents-form';
import { ExternalIdPanel } from '@/components/external-ids/external-id-panel';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { CLOUDFORMATION_TEMPLATE_FILENAME, TEMPLATE_NUMBERS } from '@/lib/aws-setup/cloudformation-template';
import { env } from '@/lib/env';
import { getPlatformSettings } from '@/lib/settings/get-platform-settings';
import { db } from '@/lib/db/client';

export const metadata = { title: 'AWS setup' };

const STACK_PERMISSIONS = [
  ['CloudFormation', 'CreateStack and DescribeStacks'],
  ['IAM', 'CreateRole, GetRole and PutRolePolicy'],
  ['SQS', 'CreateQueue, GetQueueAttributes and SetQueueAttributes'],
];

/** 300 → "5 minutes", 90 → "90 seconds". */
function inWords(seconds: number): string {
  if (seconds % 3600 === 0) return seconds === 3600 ? 'an hour' : `${seconds / 3600} hours`;
  if (seconds % 60 === 0) return seconds === 60 ? 'a minute' : `${seconds / 60} minutes`;
  return `${seconds} seconds`;
}

export default async function AwsSetupPage() {
  const platformAccountNumber = (await getPlatformSettings(db())).awsAccountNumber;
  // Maximum Receives and the visibility timeout as the template has them; the requeue delay as this platform has it.
  const { maxReceiveCount, visibilityTimeoutSeconds } = TEMPLATE_NUMBERS;
  const requeueDelay = env().REQUEUE_DELAY_SECONDS;
  return (
    <>
      <PageHeader title="AWS setup" description="Create the Amazon SQS queue, its dead-letter queue and the role the platform assumes to read it." />
      <div className="space-y-8">
        <Card className="space-y-4 p-5 text-sm text-slate-700">
          <h2 className="text-lg font-semibold text-slate-900">Your external ID</h2>
          <p>
            The platform assumes your roles only with this ID, and refuses a role that it can assume without it: so nobody else can connect your queues,
            even if they learn a role&apos;s ARN. The template below already requires it.
          </p>
          <ExternalIdPanel rotatable />
        </Card>
        <Card className="space-y-4 p-5 text-sm text-slate-700">
          <h2 className="text-lg font-semibold text-slate-900">1. Create a stack with CloudFormation</h2>
          <p>
            <a href="/api/v1/aws-setup/template" download className="font-medium text-brand-700 hover:underline">
              Download {CLOUDFORMATION_TEMPLATE_FILENAME}
            </a>
            , then in the AWS console: CloudFormation → Stacks → Create stack → Upload a template file.
          </p>
          <ul className="list-disc space-y-1 pl-5">
            <li>
              <strong>PlatformAccountNumber</strong>: the platform&apos;s AWS account,{' '}
              {platformAccountNumber ? <code className="font-mono">{platformAccountNumber}</code> : 'which an admin has not set in the platform settings yet'}.
            </li>
            <li>
              <strong>QueueName</strong> and <strong>QueueDLQName</strong>: names for the queue and its dead-letter queue.
            </li>
            <li>
              <strong>ExternalId</strong>: your external ID, filled in already. The role&apos;s trust relationship requires it.
            </li>
            <li>
              <strong>MaxReceiveCount</strong> (Maximum Receives, {maxReceiveCount.default} unless you change it, {maxReceiveCount.min} to{' '}
              {maxReceiveCount.max.toLocaleString('en')}): how many times a message is received before SQS moves it to the DLQ. A message the platform
              is too busy for comes back every {inWords(requeueDelay)}, so it waits up to {inWords(requeueDelay)} × Maximum Receives:{' '}
              {inWords(requeueDelay * maxReceiveCount.default)} at {maxReceiveCount.default}.
            </li>
            <li>
              <strong>VisibilityTimeout</strong> ({visibilityTimeoutSeconds.default} seconds unless you change it): how long a received message stays
              hidden before SQS delivers it again. Keep it at least the algorithm timeout.
            </li>
          </ul>
          <p>
            Creating the stack needs these permissions:{' '}
            {STACK_PERMISSIONS.map(([service, actions]) => `${service}: ${actions}`).join('; ')}. Acknowledge that CloudFormation might create IAM resources.
          </p>
          <p>
            When the stack is <code className="font-mono">CREATE_COMPLETE</code>, its Outputs tab shows <strong>QueueURL</strong> and{' '}
            <strong>QueueConsumerARN</strong>: enter them as the <strong>URI</strong> and <strong>ROLE ARN</strong> of the Connect broker modal.
          </p>
        </Card>
        <Card className="space-y-4 p-5 text-sm text-slate-700">
          <h2 className="text-lg font-semibold text-slate-900">2. A queue in another AWS account</h2>
          <p>
            When the queue lives in another account (ACCOUNT_SQS) than the platform (ACCOUNT_AE), the role READ_SQS in ACCOUNT_SQS may read the queue and
            trusts ACCOUNT_AE, and ACCOUNT_AE allows its identity to assume READ_SQS. The template makes the role and its trust relationship; the
            documents below do the same by hand, and ASSUME_READ_SQS goes on the platform&apos;s side.
          </p>
          <CrossAccountDocumentsForm platformAccountNumber={platformAccountNumber} />
        </Card>
      </div>
    </>
  );
}
