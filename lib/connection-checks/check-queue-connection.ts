import { z } from 'zod';
import { env } from '@/lib/env';
import { DEFAULT_RUN_TIMEOUT_SECONDS } from '@/lib/runs/run-timeout';
import { awsProblemSchema, describeAwsError } from '@/lib/sqs/describe-aws-error';
import type { QueueAccess, QueueFlow } from '@/lib/sqs/queue-access';
import { readQueueAttributes, type QueueAttributes } from '@/lib/sqs/read-queue-attributes';
import { checkRoleTrust } from './check-role-trust';

// Each 429 makes a message wait the requeue delay and costs one of its receives: an
// overload shorter than this does not push messages to the DLQ unrun.
const OVERLOAD_TOLERANCE_SECONDS = 3600;

export interface ConnectionToCheck extends QueueFlow {
  /** The connection's algorithm timeout; the default applies without one. */
  timeoutSeconds?: number | null;
}

/** What Test connection saw, or why it could not see it. */
export const connectionCheckSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    local: z.boolean().describe('Local mode: read with the emulator’s credentials, no role assumed.'),
    queueArn: z.string(),
    visibilityTimeoutSeconds: z.number().int(),
    deadLetterQueueArn: z.string().nullable(),
    maxReceiveCount: z.number().int().nullable().describe('Maximum Receives of the redrive policy (null: none).'),
    messages: z.object({ visible: z.number().int(), inFlight: z.number().int(), delayed: z.number().int() }),
    warnings: z.array(z.string()).describe('No redrive policy; a visibility timeout shorter than the algorithm timeout; Maximum Receives × the requeue delay under an hour.'),
  }),
  z.object({ ok: z.literal(false), local: z.boolean(), problem: awsProblemSchema }),
]).meta({ id: 'ConnectionCheck' });

export type ConnectionCheck = z.infer<typeof connectionCheckSchema>;

/**
 * Assumes the connection's role with the owner's external ID and reads its queue's
 * attributes: proof that the platform can reach the queue, without touching a message.
 * Outside local mode it then checks that the role refuses callers without the external ID.
 */
export async function checkQueueConnection(connection: ConnectionToCheck, access: QueueAccess): Promise<ConnectionCheck> {
  const { id, queueUrl, roleArn, externalId, owner } = connection;
  const sqs = access.clientFor({ id, queueUrl, roleArn, externalId, owner });
  let queue: QueueAttributes;
  try {
    queue = await readQueueAttributes(sqs, connection.queueUrl);
  } catch (error) {
    return { ok: false, local: access.local, problem: describeAwsError(error, { action: 'sqs:GetQueueAttributes', resource: connection.queueUrl }) };
  } finally {
    sqs.destroy();
  }
  const trustProblem = access.local ? null : await checkRoleTrust(connection, access);
  if (trustProblem) return { ok: false, local: access.local, problem: trustProblem };
  return {
    ok: true,
    local: access.local,
    queueArn: queue.arn,
    visibilityTimeoutSeconds: queue.visibilityTimeoutSeconds,
    deadLetterQueueArn: queue.redrivePolicy?.deadLetterTargetArn ?? null,
    maxReceiveCount: queue.redrivePolicy?.maxReceiveCount ?? null,
    messages: { visible: queue.visible, inFlight: queue.inFlight, delayed: queue.delayed },
    warnings: warningsFor(queue, connection.timeoutSeconds ?? DEFAULT_RUN_TIMEOUT_SECONDS, env().REQUEUE_DELAY_SECONDS),
  };
}

function warningsFor(queue: QueueAttributes, algorithmTimeoutSeconds: number, requeueDelaySeconds: number): string[] {
  const warnings: string[] = [];
  if (!queue.redrivePolicy) {
    warnings.push(
      'The queue has no redrive policy: a message that keeps failing never reaches a dead-letter queue; it is retried until the queue’s retention period ends. Give the queue a DLQ (the CloudFormation template does).',
    );
  }
  if (queue.visibilityTimeoutSeconds < algorithmTimeoutSeconds) {
    warnings.push(
      `The queue’s visibility timeout (${queue.visibilityTimeoutSeconds} s) is shorter than the algorithm timeout (${algorithmTimeoutSeconds} s): a message can be delivered again while its run is still going. Raise the visibility timeout to at least ${algorithmTimeoutSeconds} s.`,
    );
  }
  const maxReceives = queue.redrivePolicy?.maxReceiveCount;
  if (maxReceives && maxReceives * requeueDelaySeconds < OVERLOAD_TOLERANCE_SECONDS) {
    const minutes = Math.round((maxReceives * requeueDelaySeconds) / 60);
    const enough = Math.ceil(OVERLOAD_TOLERANCE_SECONDS / Math.max(1, requeueDelaySeconds));
    warnings.push(
      `Maximum Receives (${maxReceives}) × the platform’s requeue delay (${requeueDelaySeconds} s) is ${minutes} min: messages may reach the DLQ without running during an overload longer than that. Raise Maximum Receives to at least ${enough}.`,
    );
  }
  return warnings;
}
