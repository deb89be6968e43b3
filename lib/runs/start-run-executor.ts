import { setTimeout as sleep } from 'node:timers/promises';
import { backoffDelay } from '@/lib/async/backoff';
import type { Db } from '@/lib/db/client';
import { getPlatformSettings, type PlatformSettings } from '@/lib/settings/get-platform-settings';
import { claimQueuedRuns } from './claim-queued-runs';
import { executeRun, type RunToExecute } from './execute-run';
import type { NextRunState } from './run-retry-policy';
import { expireQueuedRuns } from './expire-queued-runs';
import { recoverStuckRuns } from './recover-stuck-runs';
import { requeueLapsedRuns } from './requeue-lapsed-runs';
import type { RunContext } from './run-context';
import { RUNS_MOVED_CHANNEL } from './run-channels';

export interface RunExecutorOptions {
  db: Db;
  context: RunContext;
  /** This process's WorkerProcess id: its claimed runs carry it. */
  executorId: string;
  /** Keeps that WorkerProcess row alive; called at least every quarter lease. */
  heartbeat(): Promise<void>;
  /** A heartbeat older than this is a dead executor: its runs are re-queued. */
  leaseMs: number;
  /** Fallback poll while no notification wakes it. */
  pollIntervalMs?: number;
}

export interface RunExecutor {
  /**
   * Claims at once instead of at the next poll (e.g. on the NOTIFY of a queued run). A wake
   * for runs of `callerId` is skipped while this executor alone already runs that caller's
   * user session limit: none of them could start.
   */
  wake(callerId?: string): void;
  /**
   * Stops claiming, then waits for the runs in progress, at most `graceMs` (under the
   * supervisor's 10 s before SIGKILL). A run cut off is re-queued once this process's
   * heartbeat has lapsed.
   */
  stop(graceMs?: number): Promise<void>;
}

const MAX_ERROR_BACKOFF_MS = 5_000;
// A burst of finishing runs sends one NOTIFY, not one each.
const MOVED_NOTIFY_COALESCE_MS = 100;

/**
 * Runs queued runs against their versions' endpoints. The claim decides what may start
 * (limits, fairness, FIFO order: claim-queued-runs.ts); each outcome is recorded with
 * the retry policy (finish-run.ts). Between claims it heartbeats, re-queues the runs of
 * executors that died, and expires runs queued too long. Runs stay in PostgreSQL until
 * claimed, so they survive restarts.
 */
export function startRunExecutor(options: RunExecutorOptions): RunExecutor {
  const { db, context, executorId, leaseMs } = options;
  const pollIntervalMs = options.pollIntervalMs ?? 500;
  const maintenanceIntervalMs = Math.min(5_000, leaseMs / 4);
  const abort = new AbortController();
  const inProgress = new Set<Promise<unknown>>();
  const retryTimers = new Set<NodeJS.Timeout>();
  let lastMaintenanceAt = 0;
  // Read by every claim, so a change applies to the next one.
  let settings: PlatformSettings | undefined;
  // Aborted by wake() to cut the idle wait short; a wake during a claim makes the next
  // pass start without waiting, so a run queued meanwhile is not left for the poll.
  let idle = new AbortController();
  let woken = false;
  // While a claim is in flight, when it was sent: an outcome written before then freed a
  // slot that claim already saw.
  let claimSentAt: number | undefined;
  // Whether runs were left queued by the last claim (limits, FIFO order, a retry's backoff)
  // or announced and not claimed since: only then can a freed slot start one. With none
  // left, a NOTIFY of newly queued runs (or a retry's timer) wakes the next claim.
  let queuedLeft = true;
  let skippedWakeAt = -Infinity;
  let slotFreedAt = -Infinity;
  let movedNotify: NodeJS.Timeout | undefined;

  // Runs holding a slot, in all and per caller (a lower bound of what each runs platform-wide):
  // claimed and not yet answered. A final outcome frees its slot while it is being recorded
  // (the claim leaves those `answered` runs out); a retry holds it, and its FIFO group, until recorded.
  let slotsHeld = 0;
  const slotsByCaller = new Map<string, number>();
  const answered = new Set<string>();
  const wake = (callerId?: string) => {
    if (callerId && settings && (slotsByCaller.get(callerId) ?? 0) >= settings.userSessionLimit) {
      skippedWakeAt = performance.now();
      return;
    }
    woken = true;
    if (!idle.signal.aborted) idle.abort(); // abort() makes its reason (an Error) even when already aborted
  };
  const slotFreed = () => {
    slotFreedAt = performance.now();
    if (queuedLeft) wake();
  };

  const notifyMoved = () => {
    movedNotify ??= setTimeout(() => {
      movedNotify = undefined;
      db.$executeRaw`SELECT pg_notify(${RUNS_MOVED_CHANNEL}, ${executorId})`.catch((error: unknown) =>
        context.logger.debug({ err: error }, 'could not notify that runs moved'),
      );
    }, MOVED_NOTIFY_COALESCE_MS);
  };

  async function maintainIfDue(): Promise<void> {
    if (Date.now() - lastMaintenanceAt < maintenanceIntervalMs) return;
    await options.heartbeat();
    const { queuedRunExpiryHours } = (settings ??= await getPlatformSettings(db));
    const lapsed = await requeueLapsedRuns(db, leaseMs);
    const stuck = await recoverStuckRuns(db);
    const expired = await expireQueuedRuns(db, queuedRunExpiryHours);
    lastMaintenanceAt = Date.now();
    if (lapsed.length) context.logger.warn({ runs: lapsed }, 're-queued runs of a worker process that stopped');
    if (stuck.length) context.logger.warn({ runIds: stuck }, 'failed synchronous runs left RUNNING by a stopped process');
    if (expired.length) context.logger.warn({ runIds: expired, queuedRunExpiryHours }, 'expired runs queued too long');
    if (lapsed.length || expired.length) notifyMoved();
  }

  function start(run: RunToExecute, claimedWith: PlatformSettings) {
    slotsHeld++;
    slotsByCaller.set(run.callerId, (slotsByCaller.get(run.callerId) ?? 0) + 1);
    let holdsSlot = true;
    const freeSlot = () => {
      if (!holdsSlot) return false;
      holdsSlot = false;
      slotsHeld--;
      slotsByCaller.set(run.callerId, slotsByCaller.get(run.callerId)! - 1);
      if (slotsByCaller.get(run.callerId) === 0) slotsByCaller.delete(run.callerId);
      return true;
    };
    let recordedAt = Infinity;
    const onAnswered = (next: NextRunState) => {
      if (next.status === 'QUEUED') return;
      answered.add(run.id);
      freeSlot();
      slotFreed();
    };
    const execution = executeRun(db, run, context, { settings: claimedWith, stop: abort.signal, onAnswered })
      .then(({ next, ...executed }) => {
        recordedAt = executed.recordedAt;
        if (next?.status !== 'QUEUED' || abort.signal.aborted) return;
        const timer = setTimeout(() => {
          retryTimers.delete(timer);
          wake();
        }, next.retryInMs);
        retryTimers.add(timer);
      })
      .catch((error: unknown) => context.logger.error({ err: error, runId: run.id }, 'could not execute run'))
      .finally(() => {
        inProgress.delete(execution);
        answered.delete(run.id);
        notifyMoved();
        if (freeSlot() && (claimSentAt === undefined || recordedAt >= claimSentAt)) slotFreed();
      });
    inProgress.add(execution);
  }

  /** True when claiming again at once may start more runs. */
  async function claimAndStart(): Promise<boolean> {
    await maintainIfDue();
    const { maxWorkers, userSessionLimit } = settings!;
    const limit = maxWorkers - slotsHeld;
    if (limit <= 0) {
      queuedLeft = true;
      return false;
    }
    const sentAt = (claimSentAt = performance.now());
    const claimed = await claimQueuedRuns(db, { executorId, limit, maxWorkers, userSessionLimit, answeredRunIds: [...answered] }).finally(
      () => (claimSentAt = undefined),
    );
    settings = claimed.settings;
    queuedLeft = claimed.moreQueued || claimed.runs.length === limit || skippedWakeAt >= sentAt;
    for (const run of claimed.runs) start(run, claimed.settings);
    if (claimed.runs.length) notifyMoved();
    // A slot freed while the claim was in flight, which it did not see.
    return claimed.runs.length === limit || (queuedLeft && slotFreedAt >= sentAt);
  }

  const loop = (async () => {
    for (let errorsInARow = 0; !abort.signal.aborted; ) {
      let waitMs = 0;
      woken = false;
      try {
        if (!(await claimAndStart())) waitMs = pollIntervalMs;
        errorsInARow = 0;
      } catch (error) {
        if (errorsInARow++ === 0) context.logger.warn({ err: error }, 'run executor could not claim runs; retrying');
        waitMs = backoffDelay(errorsInARow, MAX_ERROR_BACKOFF_MS);
      }
      if (waitMs && !woken) {
        idle = new AbortController();
        await sleep(waitMs, undefined, { signal: AbortSignal.any([abort.signal, idle.signal]) }).catch(() => undefined);
      }
    }
  })();

  return {
    wake,
    async stop(graceMs = 8_000) {
      abort.abort();
      await loop;
      for (const timer of retryTimers) clearTimeout(timer);
      const bound = sleep(graceMs, undefined, { ref: false });
      await Promise.race([Promise.allSettled([...inProgress]), bound]);
      clearTimeout(movedNotify);
    },
  };
}
