import { AppError } from '@/lib/errors';

export const DESTINATION_IS_SOURCE = 'This is the queue the connection reads: its own results would run again, without end. Choose another queue.';

/**
 * Refuses a destination that is the connection's own source queue (a loop that would run
 * every result again). URLs are canonical (lib/flows/parse-queue-url.ts): equal text is
 * one queue. Field errors name the destination that is wrong.
 */
export function assertDestinationsNotSource(flow: { queueUrl: string; onSuccessQueueUrl?: string | null; onFailureQueueUrl?: string | null }): void {
  const fields: Record<string, string> = {};
  if (flow.onSuccessQueueUrl === flow.queueUrl) fields.onSuccessQueueUrl = DESTINATION_IS_SOURCE;
  if (flow.onFailureQueueUrl === flow.queueUrl) fields.onFailureQueueUrl = DESTINATION_IS_SOURCE;
  if (Object.keys(fields).length > 0) throw new AppError('BAD_REQUEST', DESTINATION_IS_SOURCE, fields);
}
