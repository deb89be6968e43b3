import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prisma } from '@/lib/generated/prisma/client';
import { MIGRATIONS_DIR, assertServerVersion, migrate, readMigrations } from '@/lib/db/migrate';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createAlgorithm, createUser } from '../support/factories';

describe('migrations', () => {
  let empty: TestDatabase;
  beforeAll(async () => {
    empty = await createTestDatabase({ empty: true });
  });
  afterAll(() => empty.drop());

  it('apply once even when the web app and the worker start together', async () => {
    const results = await Promise.all([migrate(empty.url), migrate(empty.url), migrate(empty.url), migrate(empty.url)]);
    const migrations = await readMigrations();
    expect(results.flat()).toEqual(migrations.map((m) => m.name));
    expect(await migrate(empty.url)).toEqual([]);
  });

  it('refuse a PostgreSQL older than the product needs, saying which it is', async () => {
    const client = new pg.Client({ connectionString: empty.url });
    await client.connect();
    try {
      await expect(assertServerVersion(client)).resolves.toBeUndefined();
      await expect(assertServerVersion(client, { versionNum: 990000, name: '99' })).rejects.toThrow(/^Event Flows needs PostgreSQL 99 or later \(run ids are made with uuidv7\(\)\); this server is 18\./);
    } finally {
      await client.end();
    }
  });

  it('are recorded in _prisma_migrations as Prisma records them', async () => {
    const client = new pg.Client({ connectionString: empty.url });
    await client.connect();
    const { rows } = await client.query('SELECT migration_name, checksum, finished_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name');
    await client.end();
    const names = (await readMigrations()).map((m) => m.name);
    expect(rows.map((r) => r.migration_name)).toEqual(names);
    for (const row of rows) {
      const sql = await readFile(path.join(MIGRATIONS_DIR, row.migration_name, 'migration.sql'));
      expect(row.checksum).toBe(createHash('sha256').update(sql).digest('hex'));
      expect(row.finished_at).not.toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it('give every column of schema.prisma a place in the database', async () => {
    const client = new pg.Client({ connectionString: empty.url });
    await client.connect();
    const { rows } = await client.query<{ table_name: string; column_name: string }>(
      "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'",
    );
    await client.end();
    const columns = new Set(rows.map((r) => `${r.table_name}.${r.column_name}`));
    const missing: string[] = [];
    for (const model of Object.values(Prisma.ModelName)) {
      const fields = (Prisma as unknown as Record<string, Record<string, string>>)[`${model}ScalarFieldEnum`] ?? {};
      expect(Object.keys(fields).length, model).toBeGreaterThan(0);
      for (const field of Object.values(fields)) if (!columns.has(`${model}.${field}`)) missing.push(`${model}.${field}`);
    }
    expect(missing).toEqual([]);
  });

  it('let the generated client use every model', async () => {
    const { db } = empty;
    const user = await createUser(db);
    const algorithm = await createAlgorithm(db, user.id);
    const version = algorithm.versions[0]!;
    const flow = await db.eventFlow.create({
      data: {
        kind: 'BROKER',
        algorithmId: algorithm.id,
        creatorId: user.id,
        queueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/q',
        roleArn: 'arn:aws:iam::123456789012:role/READ_SQS',
      },
    });
    await db.algorithmRun.create({
      data: {
        algorithmId: algorithm.id,
        versionId: version.id,
        callerId: user.id,
        source: 'EVENT_FLOW',
        eventFlowId: flow.id,
        sqsMessageId: 'm-1',
        input: { filename: 'a.txt' },
        timeoutSeconds: 60,
      },
    });
    const collection = await db.dataCollection.create({ data: { ownerId: user.id, name: 'c' } });
    await db.dataFile.create({ data: { collectionId: collection.id, path: 'a.txt', content: Buffer.from('hi'), size: 2 } });
    await db.apiKey.create({ data: { userId: user.id, name: 'k', prefix: 'ef_', keyHash: 'h' } });
    await db.platformSettings.create({ data: { maxWorkers: 4, userSessionLimit: 2 } });
    await db.session.create({ data: { id: 's', token: 't', userId: user.id, expiresAt: new Date() } });
    await db.account.create({ data: { id: 'a', accountId: user.id, providerId: 'credential', userId: user.id } });
    await db.verification.create({ data: { id: 'v', identifier: 'i', value: 'v', expiresAt: new Date() } });

    const run = await db.algorithmRun.findFirstOrThrow({ include: { eventFlow: true, version: true } });
    expect(run).toMatchObject({ status: 'QUEUED', sqsMessageId: 'm-1', input: { filename: 'a.txt' } });
    expect(run.eventFlow?.status).toBe('STARTING');
    expect(Buffer.from((await db.dataFile.findFirstOrThrow()).content).toString()).toBe('hi');
    // The uniqueness the product relies on: one connection per queue and algorithm.
    await expect(
      db.eventFlow.create({ data: { kind: 'LISTENER', algorithmId: algorithm.id, creatorId: user.id, queueUrl: flow.queueUrl, roleArn: flow.roleArn } }),
    ).rejects.toThrow(/Unique constraint/);
  });
});
