import type { QueueAccess } from '@/lib/sqs/queue-access';
import { describeAwsError } from '@/lib/sqs/describe-aws-error';
import type { Db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { checkRoleTrust } from './check-role-trust';
import { takeRoleCheck } from './take-role-check';

/**
 * Outside local mode, before a flow is saved: the platform assumes the role with the
 * owner's external ID (a role made for someone else's ID is refused here), then checks
 * that it cannot assume it without one; the owner (who creates it) spends one role check.
 * Throws a 400 on the ROLE ARN field saying why; returns when the check passed, to be
 * stored as the flow's trustCheckedAt.
 */
export async function verifyRoleForOwner(db: Db, role: { queueUrl: string; roleArn: string; ownerId: string }, access: QueueAccess): Promise<Date> {
  await takeRoleCheck(db, role.ownerId, access);
  const owner = await db.user.findUniqueOrThrow({ where: { id: role.ownerId }, select: { username: true, externalId: true } });
  const flow = { queueUrl: role.queueUrl, roleArn: role.roleArn, externalId: owner.externalId, owner: owner.username };
  const refuse = (message: string, cause?: unknown) => new AppError('BAD_REQUEST', message, { roleArn: message }, { cause });
  try {
    await access.assumeRole(flow);
  } catch (error) {
    throw refuse(describeAwsError(error, { action: 'sts:AssumeRole', resource: role.roleArn }).message, error);
  }
  const problem = await checkRoleTrust(flow, access);
  if (problem) throw refuse(problem.message);
  return new Date();
}
