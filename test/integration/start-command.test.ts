import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '@/lib/local/ports';
import { createTestDatabase, type TestDatabase } from '../support/database';

const ROOT = path.resolve(import.meta.dirname, '../..');

interface Started {
  output: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
  kill: (signal: NodeJS.Signals) => void;
}

function npmStart(env: Record<string, string>): Started {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/start.ts')], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { NODE_ENV: 'test', PATH: process.env.PATH, HOME: process.env.HOME, ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return {
    output: () => stdout,
    stderr: () => stderr,
    exit: new Promise((resolve) => child.on('exit', (code) => resolve(code))),
    kill: (signal) => child.kill(signal),
  };
}

/** This machine's addresses other than loopback (link-local IPv6 needs a scope: left out). */
function otherAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .flatMap((entry) => (entry && !entry.internal && !entry.address.startsWith('fe80:') ? [entry.address] : []));
}

/** 'accepted', or the connection error's code (ECONNREFUSED when nothing listens there). */
function tryConnect(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 5_000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve('accepted');
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve('timeout');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
  });
}

async function freePorts(): Promise<Record<string, string>> {
  const [web, sqs, metrics] = await Promise.all([findFreePort(), findFreePort(), findFreePort()]);
  return { PORT: String(web), SQS_EMULATOR_PORT: String(sqs), WORKER_METRICS_PORT: String(metrics) };
}

describe('npm start', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'eventflows-start-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('ends with one clear line on a malformed DATABASE_URL', async () => {
    const start = npmStart({ ...(await freePorts()), DATA_DIR: dataDir, DATABASE_URL: 'mysql://nope' });
    expect(await start.exit).toBe(1);
    expect(start.stderr().trim()).toBe('Invalid configuration: DATABASE_URL must be a postgresql:// URL, e.g. postgresql://user:password@host:5432/db');
  });

  it('ends with one clear line when the web port is taken', async () => {
    const ports = await freePorts();
    const blocker = net.createServer().listen(Number(ports.PORT));
    try {
      const start = npmStart({ ...ports, DATA_DIR: dataDir });
      expect(await start.exit).toBe(1);
      expect(start.stderr().trim()).toBe(`Port ${ports.PORT} is already in use: stop what runs there or set PORT to a free port.`);
    } finally {
      blocker.close();
    }
  });

  it('refuses local mode on a non-loopback HOST unless told explicitly, with one clear line', async () => {
    const start = npmStart({ ...(await freePorts()), DATA_DIR: dataDir, HOST: '0.0.0.0' });
    expect(await start.exit).toBe(1);
    expect(start.stderr().trim()).toMatch(/^Local mode listens on this machine only, and 0\.0\.0\.0 is not a loopback address: .*ALLOW_LOCAL_MODE_ON_NETWORK=1/);
    expect(start.stderr().trim().split('\n')).toHaveLength(1);
  });

  it('ends with one clear line when the database cannot be reached', async () => {
    const start = npmStart({ ...(await freePorts()), DATA_DIR: dataDir, DATABASE_URL: 'postgresql://u:p@127.0.0.1:1/eventflows' });
    expect(await start.exit).toBe(1);
    expect(start.stderr().trim().split('\n')).toHaveLength(1);
    expect(start.stderr()).toMatch(/^Cannot use the database at 127\.0\.0\.1:1\/eventflows: .*ECONNREFUSED/);
  });

  describe('with DATABASE_URL pointing at another PostgreSQL', () => {
    let t: TestDatabase;
    beforeAll(async () => {
      t = await createTestDatabase({ empty: true });
    });
    afterAll(() => t.drop());

    it('migrates and uses that database, serves the sign-in page, and stops cleanly on Ctrl-C', { timeout: 120_000 }, async () => {
      const ports = await freePorts();
      const start = npmStart({ ...ports, DATA_DIR: dataDir, DATABASE_URL: t.url });
      try {
        await expect.poll(() => start.output(), { timeout: 90_000, interval: 250 }).toContain('Press Ctrl-C to stop.');
        expect(start.output()).toContain(`Web app        http://localhost:${ports.PORT}`);
        expect(start.output()).toMatch(/Demo queue     http:\/\/sqs\.us-east-1\.localhost:\d+\/000000000000\/demo-queue/);
        expect(start.output()).toContain('Demo login     demo@eventflows.local / eventflows-demo');

        const signIn = await fetch(`http://127.0.0.1:${ports.PORT}/sign-in`);
        expect(signIn.status).toBe(200);
        expect(await signIn.text()).toContain('Sign in');
        // That database now holds the schema and the demo data.
        expect(await t.db.user.findUnique({ where: { email: 'demo@eventflows.local' } })).toMatchObject({ username: 'demo', role: 'ADMIN' });
        const metrics = await fetch(`http://127.0.0.1:${ports.WORKER_METRICS_PORT}/health`);
        expect(metrics.status).toBe(200);
        expect(start.output()).toContain('Local mode is for the people of this machine: it listens on 127.0.0.1 only');
      } finally {
        start.kill('SIGINT');
      }
      expect(await start.exit).toBe(0);
      // Every process is gone: the ports are free again.
      await expect(fetch(`http://127.0.0.1:${ports.PORT}/sign-in`)).rejects.toThrow();
      await expect(fetch(`http://127.0.0.1:${ports.WORKER_METRICS_PORT}/health`)).rejects.toThrow();
    });

    it('listens on loopback only: the web app, the SQS emulator and the worker metrics refuse other addresses', { timeout: 120_000 }, async () => {
      const ports = await freePorts();
      const start = npmStart({ ...ports, DATA_DIR: dataDir, DATABASE_URL: t.url });
      try {
        await expect.poll(() => start.output(), { timeout: 90_000, interval: 250 }).toContain('Press Ctrl-C to stop.');
        const others = otherAddresses();
        expect(others.length, 'this machine has an address other than loopback to try').toBeGreaterThan(0);
        for (const port of [ports.PORT, ports.SQS_EMULATOR_PORT, ports.WORKER_METRICS_PORT].map(Number)) {
          expect(await tryConnect('127.0.0.1', port), `127.0.0.1:${port}`).toBe('accepted');
          for (const address of others) expect(await tryConnect(address, port), `${address}:${port}`).toBe('ECONNREFUSED');
        }
      } finally {
        start.kill('SIGINT');
      }
      expect(await start.exit).toBe(0);
    });
  });

  it('restarts a worker killed with SIGKILL, and Ctrl-C still stops everything', { timeout: 150_000 }, async () => {
    const ports = await freePorts();
    const start = npmStart({ ...ports, DATA_DIR: dataDir });
    const workerPids = () => [...start.output().matchAll(/worker started \(pid (\d+)\)/g)].map((match) => Number(match[1]));
    try {
      await expect.poll(() => start.output(), { timeout: 90_000, interval: 250 }).toContain('Press Ctrl-C to stop.');
      const [first] = workerPids();
      process.kill(first!, 'SIGKILL');
      await expect.poll(() => start.output(), { timeout: 10_000, interval: 100 }).toMatch(/\[start\]\s+worker exited with code 137; restarting in [\d.]+ s \(attempt 2\)/);
      await expect.poll(() => workerPids().length, { timeout: 10_000, interval: 100 }).toBe(2);
      expect(workerPids()[1]).not.toBe(first);
      await expect
        .poll(() => fetch(`http://127.0.0.1:${ports.WORKER_METRICS_PORT}/health`).then((response) => response.status, () => 0), { timeout: 30_000, interval: 250 })
        .toBe(200);
      // The web app never stopped serving.
      expect((await fetch(`http://127.0.0.1:${ports.PORT}/sign-in`)).status).toBe(200);
    } finally {
      start.kill('SIGINT');
    }
    expect(await start.exit).toBe(0);
    expect(start.output()).not.toMatch(/stopping everything/);
    await expect(fetch(`http://127.0.0.1:${ports.WORKER_METRICS_PORT}/health`)).rejects.toThrow();
    await expect(fetch(`http://127.0.0.1:${ports.PORT}/sign-in`)).rejects.toThrow();
  });

  it('keeps the embedded database across restarts', { timeout: 150_000 }, async () => {
    const ports = await freePorts();
    const env = { ...ports, DATA_DIR: dataDir };
    const origin = `http://localhost:${ports.PORT}`;
    const credentials = { email: 'persist@example.test', password: 'correct-horse-battery' };

    const first = npmStart(env);
    await expect.poll(() => first.output(), { timeout: 90_000, interval: 250 }).toContain('Press Ctrl-C to stop.');
    const signUp = await fetch(`${origin}/api/auth/sign-up/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin },
      body: JSON.stringify({ ...credentials, name: 'Persist', username: 'persist' }),
    });
    expect(signUp.status).toBe(200);
    first.kill('SIGINT');
    expect(await first.exit).toBe(0);

    const second = npmStart(env);
    try {
      await expect.poll(() => second.output(), { timeout: 90_000, interval: 250 }).toContain('Press Ctrl-C to stop.');
      expect(second.output()).not.toContain('Applied migrations');
      const signIn = await fetch(`${origin}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin },
        body: JSON.stringify(credentials),
      });
      expect(signIn.status).toBe(200);
      expect(await signIn.json()).toMatchObject({ user: { username: 'persist' } });
    } finally {
      second.kill('SIGINT');
    }
    expect(await second.exit).toBe(0);
  });
});
