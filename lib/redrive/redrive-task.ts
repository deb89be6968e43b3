import { z } from 'zod';
import { isoTimeSchema } from '@/lib/validation/iso-time';

// A message move task (SQS StartMessageMoveTask / ListMessageMoveTasks), as the API shows it.

export const redriveStatusSchema = z.enum(['RUNNING', 'COMPLETED', 'CANCELLING', 'CANCELLED', 'FAILED']);

/**
 * How messages go back: SQS's own message move task, or — where the endpoint has none
 * (the local emulator) — received from the DLQ, sent to the queue and deleted, by us.
 */
export const redriveMethodSchema = z
  .enum(['message-move-task', 'direct'])
  .describe("message-move-task: SQS's own move task; direct (local mode): the platform receives from the DLQ, sends to the queue and deletes what it sent.");

export const redriveTaskSchema = z.object({
  handle: z.string().nullable(),
  status: redriveStatusSchema,
  moved: z.number().int(),
  toMove: z.number().int().nullable().describe('null until SQS knows it.'),
  startedAt: isoTimeSchema.nullable(),
  failureReason: z.string().nullable(),
}).meta({ id: 'RedriveTask' });

/** POST …/redrive: the task it started. */
export const startedRedriveSchema = z.object({ method: redriveMethodSchema, task: redriveTaskSchema });
/** GET …/redrive: the latest move tasks out of the DLQ, newest first. */
export const redriveTasksSchema = z.object({ method: redriveMethodSchema, tasks: z.array(redriveTaskSchema) });

export type RedriveStatus = z.infer<typeof redriveStatusSchema>;
export type RedriveMethod = z.infer<typeof redriveMethodSchema>;
export type RedriveTask = z.infer<typeof redriveTaskSchema>;
export type StartedRedrive = z.infer<typeof startedRedriveSchema>;
export type RedriveTasks = z.infer<typeof redriveTasksSchema>;

/** The local emulator answers InvalidAction to actions it does not implement. */
export function isUnknownAction(error: unknown): boolean {
  return error instanceof Error && (error.name === 'InvalidAction' || error.name === 'UnknownOperationException');
}
