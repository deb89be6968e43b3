import { backoffDelay } from '@/lib/async/backoff';
import type { ManagedChild } from './child-process';

export interface SuperviseOptions {
  name: string;
  /** Starts a fresh process (called again for each restart). */
  start(): ManagedChild;
  /** One line for the supervisor's log ("[start] …"). */
  say(line: string): void;
  /** Called once when the process keeps crashing: the caller stops everything. */
  onGiveUp(reason: string): void;
  /** This many unexpected exits within `crashWindowMs` and it gives up. */
  maxCrashes?: number;
  crashWindowMs?: number;
  /** Restart delays: backoff with jitter from `restartBaseMs` up to `restartMaxMs`. */
  restartBaseMs?: number;
  restartMaxMs?: number;
}

export interface SupervisedChild {
  name: string;
  /** The process running now (a new one after each restart). */
  current(): ManagedChild;
  /** Stops restarting, then stops the current process. Idempotent. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Keeps one child process running: an exit nobody asked for (a crash, an OOM kill, a
 * SIGKILL) restarts it after a backoff, and says so. Crashes are counted in a sliding
 * window, so a process that crashes now and then is always restarted, while one that
 * cannot stay up (5 exits within 60 s by default) makes the supervisor give up rather
 * than loop.
 */
export function superviseChild(options: SuperviseOptions): SupervisedChild {
  const { name, say } = options;
  const maxCrashes = options.maxCrashes ?? 5;
  const crashWindowMs = options.crashWindowMs ?? 60_000;
  const restartBaseMs = options.restartBaseMs ?? 1_000;
  const restartMaxMs = options.restartMaxMs ?? 30_000;
  let crashTimes: number[] = [];
  let stopped = false;
  let restartTimer: NodeJS.Timeout | undefined;
  let child = launch();

  function launch(): ManagedChild {
    const started = options.start();
    void started.exited.then((code) => onExit(started, code));
    return started;
  }

  function onExit(exitedChild: ManagedChild, code: number | null): void {
    if (stopped || exitedChild !== child) return;
    const now = Date.now();
    crashTimes = [...crashTimes.filter((at) => now - at < crashWindowMs), now];
    if (crashTimes.length >= maxCrashes) {
      const reason = `The ${name} process exited ${crashTimes.length} times within ${Math.round(crashWindowMs / 1000)} s (last code ${code ?? 'unknown'}); stopping everything.`;
      say(reason);
      stopped = true;
      options.onGiveUp(reason);
      return;
    }
    const delayMs = backoffDelay(crashTimes.length, restartMaxMs, restartBaseMs);
    say(`${name} exited with code ${code ?? 'unknown'}; restarting in ${formatSeconds(delayMs)} (attempt ${crashTimes.length + 1})`);
    restartTimer = setTimeout(() => {
      restartTimer = undefined;
      if (!stopped) child = launch();
    }, delayMs);
  }

  let stopping: Promise<void> | undefined;
  return {
    name,
    current: () => child,
    stop(graceMs) {
      stopping ??= (async () => {
        stopped = true;
        clearTimeout(restartTimer);
        await child.stop(graceMs);
      })();
      return stopping;
    },
  };
}

function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return `${seconds < 10 ? seconds.toFixed(1).replace(/\.0$/, '') : Math.round(seconds)} s`;
}
