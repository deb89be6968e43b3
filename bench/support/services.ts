import { spawn } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { SQSClient } from '@aws-sdk/client-sqs';
import { migrate } from '@/lib/db/migrate';
import { startEmbeddedPostgres, type EmbeddedCluster } from '@/lib/local/embedded-postgres';

// What every benchmark needs, started by the script itself: an SQS emulator in its own
// process and, for the end-to-end ones, a throwaway embedded PostgreSQL.

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface SqsEmulatorProcess {
  endpoint: string;
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
  cluster: EmbeddedCluster;
  stop(): Promise<void>;
}

export async function startBenchDatabase(): Promise<BenchDatabase> {
  const dir = await mkdtemp(path.join(tmpdir(), 'eventflows-bench-'));
  await chmod(dir, 0o755);
  const cluster = await startEmbeddedPostgres({ dataDir: path.join(dir, 'postgres') });
  await cluster.createDatabase('bench');
  const url = cluster.urlFor('bench');
  await migrate(url);
  return {
    url,
    cluster,
    async stop() {
      await cluster.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
