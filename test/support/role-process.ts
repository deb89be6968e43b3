import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { roleCommand, type Role } from './role-commands';
import { trackRunning } from './running-resources';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface RoleProcess {
  role: Role;
  /** npm's pid: the process an orchestrator signals (npm passes SIGTERM on to the role). */
  pid: number;
  /** The role's own node process (npm's child), e.g. to SIGKILL it as an OOM kill would. */
  rolePid(): Promise<number>;
  exited: Promise<number | null>;
  output(): string;
  /** SIGTERM to npm, as an orchestrator stops a container; resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** Runs a role with the command deploy/ runs it with (test/support/role-commands.ts), from the built bundles. */
export function startRoleProcess(role: Role, env: Record<string, string>): RoleProcess {
  const [command, ...args] = roleCommand(role);
  const child = spawn(command!, args, {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', NPM_CONFIG_UPDATE_NOTIFIER: 'false', ...env },
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const rolePid = async () => {
    for (;;) {
      const children = await readFile(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').catch(() => '');
      const [first] = children.trim().split(/\s+/).filter(Boolean);
      if (first) return Number(first);
      if (child.exitCode !== null) throw new Error(`${role} exited before its node process started:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const gone = trackRunning(`${role} process ${child.pid}`, async () => {
    const pid = await Promise.race([rolePid(), exited.then(() => 0)]);
    if (pid) process.kill(pid, 'SIGKILL');
    child.kill('SIGKILL');
    await exited;
  });
  void exited.then(gone);
  return {
    role,
    pid: child.pid!,
    rolePid,
    exited,
    output: () => output,
    stop() {
      child.kill('SIGTERM');
      return exited;
    },
  };
}
