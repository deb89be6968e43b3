import type { Prisma } from '@/lib/generated/prisma/client';
import type { FlowQueue } from '@/lib/sqs/sqs-client-for-flow';

// How the platform acts as a flow's role: the role ARN, and the external ID of the flow's
// owner (its algorithm's owner), which the platform generated. A flow made before that
// rule keeps the ID its user chose until the role is updated (issue 14), so it does not
// stop working the day the platform is upgraded; it shows a warning meanwhile.

export const FLOW_ROLE_SELECT = {
  id: true,
  queueUrl: true,
  roleArn: true,
  legacyExternalId: true,
  algorithm: { select: { owner: { select: { username: true, externalId: true } } } },
} as const satisfies Prisma.EventFlowSelect;

export type FlowRoleRow = Prisma.EventFlowGetPayload<{ select: typeof FLOW_ROLE_SELECT }>;

export function flowQueueOf(flow: FlowRoleRow): FlowQueue {
  const { owner } = flow.algorithm;
  return {
    id: flow.id,
    queueUrl: flow.queueUrl,
    roleArn: flow.roleArn,
    externalId: flow.legacyExternalId ?? owner.externalId,
    owner: owner.username,
  };
}
