import { randomBytes } from 'node:crypto';
import type { Db } from '@/lib/db/client';
import type { RunContext } from '@/lib/runs/run-context';
import { startRunExecutor, type RunExecutor, type RunExecutorOptions } from '@/lib/runs/start-run-executor';
import { heartbeatWorker } from '@/worker/sql/heartbeat-worker';
import { removeWorker } from '@/worker/sql/remove-worker';
import { trackRunning } from './running-resources';

/** The tests' short executor lease: a stopped test executor's runs come back within seconds. */
export const TEST_EXECUTOR_LEASE_MS = 3_000;

/**
 * A run executor in this process, as the worker runs it: a WorkerProcess id and
 * heartbeat (the lease its runs are held under), and short timings. Next to a test
 * worker, give it the worker's id: in production both are one process, one row, and a
 * row of its own would count as a second worker when flows are shared out.
 */
export function startTestRunExecutor(
  db: Db,
  context: RunContext,
  options: Partial<Omit<RunExecutorOptions, 'db' | 'context' | 'heartbeat'>> = {},
): RunExecutor & { id: string } {
  const id = options.executorId ?? `test-executor-${randomBytes(4).toString('hex')}`;
  const leaseMs = options.leaseMs ?? TEST_EXECUTOR_LEASE_MS;
  const executor = startRunExecutor({
    db,
    context,
    pollIntervalMs: 100,
    ...options,
    executorId: id,
    leaseMs,
    heartbeat: () => heartbeatWorker(db, { id, hostname: 'test' }, leaseMs),
  });
  const stopped = trackRunning(`run executor ${id}`, () => executor.stop());
  return {
    id,
    wake: executor.wake,
    async stop(graceMs) {
      await executor.stop(graceMs);
      stopped();
      if (!options.executorId) await removeWorker(db, id);
    },
  };
}
