import type { QueueAccess } from '@/lib/sqs/queue-access';
import { formatAlgorithmPath } from '@/lib/algorithms/algorithm-path';
import type { OwnedAlgorithm } from '@/lib/algorithms/get-algorithm-for-owner';
import { verifyRoleForOwner } from '@/lib/connection-checks/verify-role-for-owner';
import type { Db } from '@/lib/db/client';
import { isUniqueViolation } from '@/lib/db/is-unique-violation';
import { AppError } from '@/lib/errors';
import { filtersToJson } from '@/lib/flow-filters/filters-to-json';
import type { EventFlowKind } from '@/lib/generated/prisma/client';
import { parseInput } from '@/lib/validation/parse-input';
import { assertFlowQuota } from './assert-flow-quota';
import { flowInputSchema } from './flow-input';
import { FLOW_VIEW_INCLUDE, toFlowView, type FlowView } from './flow-view';
import { notifyFlowsChanged } from './notify-flows-changed';

export interface CreateFlowRequest {
  /** Already checked to belong to the creator (getAlgorithmForOwner). */
  algorithm: Pick<OwnedAlgorithm, 'id' | 'name' | 'ownerId' | 'owner'>;
  kind: EventFlowKind;
  input: unknown;
  /** Local mode's SQS endpoint, whose queues are accepted too. */
  localSqsEndpoint?: string;
  /** How the platform reaches queues: outside local mode, the role is verified with it before saving. */
  access: QueueAccess;
}

/** Connects a queue to an algorithm (a broker connection or a legacy event listener). */
export async function createFlow(db: Db, { algorithm, kind, input, localSqsEndpoint, access }: CreateFlowRequest): Promise<FlowView> {
  const { queueUrl, roleArn, version, timeoutSeconds, maxConcurrency, maxAttempts, runRetentionHours, filters } = parseInput(flowInputSchema(localSqsEndpoint), input);
  const path = formatAlgorithmPath({ owner: algorithm.owner.username, name: algorithm.name });
  if (version && !(await db.algorithmVersion.findUnique({ where: { algorithmId_version: { algorithmId: algorithm.id, version } } }))) {
    const message = `${path} has no published version ${version}`;
    throw new AppError('BAD_REQUEST', message, { version: message });
  }
  await assertFlowQuota(db, algorithm.ownerId);
  // Before anything is stored: the role must trust this user's external ID, and only it.
  const trustCheckedAt = access.local ? null : await verifyRoleForOwner(db, { queueUrl, roleArn, ownerId: algorithm.ownerId }, access);
  try {
    const flow = await db.$transaction(async (tx) => {
      await assertFlowQuota(tx, algorithm.ownerId, { lock: true });
      const created = await tx.eventFlow.create({
        data: {
          kind,
          algorithmId: algorithm.id,
          creatorId: algorithm.ownerId,
          queueUrl,
          roleArn,
          version,
          timeoutSeconds,
          maxConcurrency,
          maxAttempts,
          runRetentionHours,
          filters: filtersToJson(filters),
          trustCheckedAt,
        },
        include: FLOW_VIEW_INCLUDE,
      });
      await notifyFlowsChanged(tx, created.id);
      return created;
    });
    return toFlowView(flow, access.local);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const message = `This queue is already connected to ${path}`;
    throw new AppError('CONFLICT', message, { queueUrl: message });
  }
}
