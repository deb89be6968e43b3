import { setTimeout as sleep } from 'node:timers/promises';
import type { Db } from '@/lib/db/client';
import { getPlatformSettings } from '@/lib/settings/get-platform-settings';
import { claimQueuedRuns } from './claim-queued-runs';
import { executeRun } from './execute-run';
import { recoverStuckRuns, STUCK_RUN_GRACE_SECONDS } from './recover-stuck-runs';
import type { RunContext } from './run-context';

export interface RunExecutorOptions {
  db: Db;
  context: RunContext;
  pollIntervalMs?: number;
  recoveryIntervalMs?: number;
  stuckGraceSeconds?: number;
}

export interface RunExecutor {
  /** Claims at once instead of at the next poll (e.g. on the NOTIFY of a queued run). */
  wake(): void;
  /**
   * Stops claiming, then waits for the runs in progress, at most `graceMs` (under the
   * supervisor's 10 s before SIGKILL). A run cut off stays RUNNING until recovered.
   */
  stop(graceMs?: number): Promise<void>;
}

const ERROR_BACKOFF_MS = 5_000;

/**
 * Runs queued runs against their versions' endpoints, at most `maxWorkers` at a time in
 * this process. Runs stay in PostgreSQL until claimed, so they survive restarts.
 */
export function startRunExecutor(options: RunExecutorOptions): RunExecutor {
  const { db, context } = options;
  const pollIntervalMs = options.pollIntervalMs ?? 500;
  const recoveryIntervalMs = options.recoveryIntervalMs ?? 30_000;
  const abort = new AbortController();
  const inProgress = new Set<Promise<unknown>>();
  let lastRecoveryAt = 0;
  // Aborted by wake() to cut the idle wait short; a wake during a claim makes the next
  // pass start without waiting, so a run queued meanwhile is not left for the poll.
  let idle = new AbortController();
  let woken = false;

  async function recoverIfDue(): Promise<void> {
    if (Date.now() - lastRecoveryAt < recoveryIntervalMs) return;
    const recovered = await recoverStuckRuns(db, options.stuckGraceSeconds ?? STUCK_RUN_GRACE_SECONDS);
    lastRecoveryAt = Date.now();
    if (recovered.length) context.logger.warn({ runIds: recovered }, 'failed runs left RUNNING by a stopped process');
  }

  async function claimAndStart(): Promise<number> {
    await recoverIfDue();
    const { maxWorkers } = await getPlatformSettings(db);
    const runs = await claimQueuedRuns(db, maxWorkers - inProgress.size);
    for (const run of runs) {
      const execution = executeRun(db, run, context).catch((error: unknown) => {
        context.logger.error({ err: error, runId: run.id }, 'could not execute run');
      });
      inProgress.add(execution);
      void execution.finally(() => inProgress.delete(execution));
    }
    return runs.length;
  }

  const loop = (async () => {
    while (!abort.signal.aborted) {
      let waitMs = 0;
      woken = false;
      try {
        if ((await claimAndStart()) === 0) waitMs = pollIntervalMs;
      } catch (error) {
        context.logger.warn({ err: error }, 'run executor could not claim runs; retrying');
        waitMs = ERROR_BACKOFF_MS;
      }
      if (waitMs && !woken) {
        idle = new AbortController();
        await sleep(waitMs, undefined, { signal: AbortSignal.any([abort.signal, idle.signal]) }).catch(() => undefined);
      }
    }
  })();

  return {
    wake() {
      woken = true;
      idle.abort();
    },
    async stop(graceMs = 8_000) {
      abort.abort();
      await loop;
      const bound = sleep(graceMs, undefined, { ref: false });
      await Promise.race([Promise.allSettled([...inProgress]), bound]);
    },
  };
}
