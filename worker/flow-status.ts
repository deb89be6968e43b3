import type { Db } from '@/lib/db/client';
import type { Logger } from '@/lib/logger';
import { writeFlowStatus } from './sql/write-flow-status';

/**
 * A flow's visible status (STARTING → ACTIVE, ERROR with the last error in plain
 * words, or WAITING for backlog room). Only changes reach the database, in order, so a poller that fails or succeeds
 * on every poll does not write on every poll.
 */
export interface FlowStatus {
  starting(): void;
  active(): void;
  error(message: string): void;
  /** Polling stopped until the platform's backlog has room. */
  waiting(): void;
  /** Resolves when every change so far is written. */
  settled(): Promise<void>;
}

export function createFlowStatus(options: { db: Db; flowId: string; workerId: string; logger: Logger }): FlowStatus {
  let written: string | undefined;
  let writing: Promise<void> = Promise.resolve();

  const set = (status: 'STARTING' | 'ACTIVE' | 'ERROR' | 'WAITING', lastError: string | null) => {
    const key = `${status}\n${lastError ?? ''}`;
    if (key === written) return;
    written = key;
    writing = writing
      .then(() => writeFlowStatus(options.db, { flowId: options.flowId, workerId: options.workerId, status, lastError }))
      .catch((error: unknown) => {
        written = undefined;
        options.logger.warn({ err: error, flowId: options.flowId, status }, 'could not write the flow status');
      });
  };

  return {
    starting: () => set('STARTING', null),
    active: () => set('ACTIVE', null),
    error: (message) => set('ERROR', message),
    waiting: () => set('WAITING', null),
    settled: () => writing,
  };
}
