import { spawn, type ChildProcess } from 'node:child_process';
import { constants } from 'node:os';
import { pipeTagged } from './log-stream';

export interface ManagedChild {
  name: string;
  process: ChildProcess;
  /** Resolves with the exit code when the process ends, for whatever reason (128 + n for signal n, as shells say: SIGKILL is 137). */
  exited: Promise<number | null>;
  /** SIGTERM, then SIGKILL after the grace period. Idempotent. */
  stop(graceMs?: number): Promise<void>;
}

export function startChild(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): ManagedChild {
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  pipeTagged(child.stdout, name);
  pipeTagged(child.stderr, name);
  const exited = new Promise<number | null>((resolve) => {
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 + constants.signals[signal] : null)));
    child.on('error', () => resolve(1));
  });
  let stopping: Promise<void> | undefined;
  return {
    name,
    process: child,
    exited,
    stop(graceMs = 10_000) {
      stopping ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
        await exited;
        clearTimeout(timer);
      })();
      return stopping;
    },
  };
}
