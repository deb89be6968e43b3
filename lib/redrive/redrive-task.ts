// A message move task (SQS StartMessageMoveTask / ListMessageMoveTasks), as the API shows it.

export type RedriveStatus = 'RUNNING' | 'COMPLETED' | 'CANCELLING' | 'CANCELLED' | 'FAILED';

/**
 * How messages go back: SQS's own message move task, or — where the endpoint has none
 * (the local emulator) — received from the DLQ, sent to the queue and deleted, by us.
 */
export type RedriveMethod = 'message-move-task' | 'direct';

export interface RedriveTask {
  handle: string | null;
  status: RedriveStatus;
  moved: number;
  /** null until SQS knows it. */
  toMove: number | null;
  startedAt: string | null;
  failureReason: string | null;
}

/** The local emulator answers InvalidAction to actions it does not implement. */
export function isUnknownAction(error: unknown): boolean {
  return error instanceof Error && (error.name === 'InvalidAction' || error.name === 'UnknownOperationException');
}
