import { ListMessageMoveTasksCommand, type ListMessageMoveTasksResultEntry } from '@aws-sdk/client-sqs';
import type { QueueAccess, QueueFlow } from '@/lib/sqs/queue-access';
import { awsAppError } from '@/lib/sqs/aws-app-error';
import { isUnknownAction, type RedriveStatus, type RedriveTask, type RedriveTasks } from './redrive-task';
import { resolveDeadLetterQueue } from './resolve-dead-letter-queue';

/** The latest message move tasks out of the flow's DLQ, newest first, with their progress. */
export async function listRedriveTasks(flow: QueueFlow, access: QueueAccess): Promise<RedriveTasks> {
  const sqs = access.clientFor(flow);
  try {
    const { dlq } = await resolveDeadLetterQueue(sqs, flow.queueUrl);
    try {
      const { Results: results = [] } = await sqs.send(new ListMessageMoveTasksCommand({ SourceArn: dlq.arn, MaxResults: 10 }));
      return { method: 'message-move-task', tasks: results.map(toTask) };
    } catch (error) {
      // The emulator keeps no tasks: a direct move finishes within its request.
      if (access.local && isUnknownAction(error)) return { method: 'direct', tasks: [] };
      throw awsAppError(error, 'sqs:ListMessageMoveTasks', dlq.arn);
    }
  } finally {
    sqs.destroy();
  }
}

function toTask(entry: ListMessageMoveTasksResultEntry): RedriveTask {
  return {
    handle: entry.TaskHandle ?? null,
    status: (entry.Status ?? 'RUNNING') as RedriveStatus,
    moved: entry.ApproximateNumberOfMessagesMoved ?? 0,
    toMove: entry.ApproximateNumberOfMessagesToMove ?? null,
    startedAt: entry.StartedTimestamp ? new Date(entry.StartedTimestamp).toISOString() : null,
    failureReason: entry.FailureReason ?? null,
  };
}
