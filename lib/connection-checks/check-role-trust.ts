import type { QueueAccess, QueueFlow } from '@/lib/sqs/queue-access';
import { describeAwsError, type AwsProblem } from '@/lib/sqs/describe-aws-error';

// AWS's rule against the confused deputy: before the platform stores a role, it checks
// that the role can NOT be assumed without the owner's external ID. Otherwise anyone who
// learns the role's ARN (not a secret) could connect someone else's queue.

/** The problem with `flow`'s role, or null when it requires the external ID. Not for local mode (no roles there). */
export async function checkRoleTrust(flow: QueueFlow, access: QueueAccess): Promise<AwsProblem | null> {
  let assumable: boolean;
  try {
    assumable = await access.assumableWithoutExternalId(flow);
  } catch (error) {
    return describeAwsError(error, { action: 'sts:AssumeRole', resource: flow.roleArn });
  }
  return assumable ? externalIdNotRequired(flow) : null;
}

export function externalIdNotRequired(flow: Pick<QueueFlow, 'roleArn' | 'externalId'>): AwsProblem {
  const condition = JSON.stringify({ StringEquals: { 'sts:ExternalId': flow.externalId } });
  return {
    code: 'EXTERNAL_ID_NOT_REQUIRED',
    message: `The platform could assume ${flow.roleArn} without an external ID, so anyone who knows the role’s ARN could connect its queue. Add this condition to the statement of the role’s trust relationship that trusts the platform, then try again: "Condition": ${condition}`,
  };
}
