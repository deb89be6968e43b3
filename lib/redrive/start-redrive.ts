import { StartMessageMoveTaskCommand } from '@aws-sdk/client-sqs';
import type { QueueAccess, QueueFlow } from '@/lib/sqs/queue-access';
import { awsAppError } from '@/lib/sqs/aws-app-error';
import { moveMessagesDirectly } from './move-messages-directly';
import { isUnknownAction, type StartedRedrive } from './redrive-task';
import { resolveDeadLetterQueue } from './resolve-dead-letter-queue';

/**
 * Moves the messages of the flow's DLQ back to its queue: an SQS message move task
 * (SourceArn = the DLQ, DestinationArn = the queue) that SQS runs on its own.
 */
export async function startRedrive(flow: QueueFlow, access: QueueAccess): Promise<StartedRedrive> {
  const sqs = access.clientFor(flow);
  try {
    const queues = await resolveDeadLetterQueue(sqs, flow.queueUrl);
    try {
      const { TaskHandle } = await sqs.send(new StartMessageMoveTaskCommand({ SourceArn: queues.dlq.arn, DestinationArn: queues.source.arn }));
      return {
        method: 'message-move-task',
        task: { handle: TaskHandle ?? null, status: 'RUNNING', moved: 0, toMove: null, startedAt: new Date().toISOString(), failureReason: null },
      };
    } catch (error) {
      if (access.local && isUnknownAction(error)) return { method: 'direct', task: await moveMessagesDirectly(sqs, queues) };
      throw awsAppError(error, 'sqs:StartMessageMoveTask', queues.dlq.arn);
    }
  } finally {
    sqs.destroy();
  }
}
