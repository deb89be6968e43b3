// The role the worker assumes (STS AssumeRole) to read a connection's queue:
// arn:<partition>:iam::<12-digit account>:role/<optional path/><name>.

export interface RoleArnParts {
  arn: string;
  partition: string;
  accountId: string;
  roleName: string;
}

export type RoleArnResult = { ok: true; role: RoleArnParts } | { ok: false; reason: string };

export const ROLE_ARN_FORMAT = 'arn:aws:iam::<12-digit account>:role/<role name>';

const IAM_ARN = /^arn:([^:]*):iam::([^:]*):(.*)$/;
const PARTITION = /^aws(?:-[a-z]+)*$/; // aws, aws-cn, aws-us-gov, aws-iso-b, …
const ACCOUNT_ID = /^\d{12}$/;
// IAM: a role name is up to 64 of [\w+=,.@-]; its optional path is "/"-separated segments of the same.
const ROLE_RESOURCE = /^role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64})$/;
const MAX_ARN_LENGTH = 2048;

export function parseRoleArn(input: string): RoleArnResult {
  const arn = input.trim();
  const [, partition = '', accountId = '', resource = ''] = IAM_ARN.exec(arn) ?? [];
  if (!PARTITION.test(partition) || arn.length > MAX_ARN_LENGTH) return { ok: false, reason: `Enter an IAM role ARN, like ${ROLE_ARN_FORMAT}` };
  if (!ACCOUNT_ID.test(accountId)) return { ok: false, reason: 'The account in a role ARN is the 12-digit AWS account number' };
  const roleName = ROLE_RESOURCE.exec(resource)?.[1];
  if (!roleName) return { ok: false, reason: `This is not a role: use ${ROLE_ARN_FORMAT}` };
  return { ok: true, role: { arn, partition, accountId, roleName } };
}
