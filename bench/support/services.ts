import { spawn } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { SQSClient } from '@aws-sdk/client-sqs';
import { migrate } from '@/lib/db/migrate';
import { startEmbeddedPostgres } from '@/lib/local/embedded-postgres';

// What every benchmark needs, started by the script itself: an SQS emulator in its own
// process and, for the end-to-end ones, a throwaway embedded PostgreSQL.

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface SqsEmulatorProcess {
  endpoint: string;
  pid: number;
  client(): SQSClient;
  stop(): Promise<void>;
}

export async function startSqsEmulatorProcess(): Promise<SqsEmulatorProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench/support/sqs-emulator-process.ts')], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const endpoint = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`SQS emulator exited with ${code}`)));
    createInterface({ input: child.stdout }).once('line', resolve);
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    endpoint,
    pid: child.pid!,
    client: () =>
      new SQSClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 1 }),
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export interface BenchDatabase {
  url: string;
  /** The postmaster's pid (it changes when the server restarts); backends are its children. */
  pid(): Promise<number>;
  /** Stops the server (fast shutdown: clients are cut off) and starts it again on the same port. */
  restart(downMs: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startBenchDatabase(): Promise<BenchDatabase> {
  const dir = await mkdtemp(path.join(tmpdir(), 'eventflows-bench-'));
  await chmod(dir, 0o755);
  const dataDir = path.join(dir, 'postgres');
  let cluster = await startEmbeddedPostgres({ dataDir });
  await cluster.createDatabase('bench');
  const url = cluster.urlFor('bench');
  await migrate(url);
  return {
    url,
    pid: async () => Number((await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]),
    async restart(downMs) {
      await cluster.stop();
      await sleep(downMs);
      cluster = await startEmbeddedPostgres({ dataDir, port: cluster.port });
    },
    async stop() {
      await cluster.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
