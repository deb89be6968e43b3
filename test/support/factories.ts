import { randomBytes } from 'node:crypto';
import type { Db } from '@/lib/db/client';

export const TEST_PASSWORD = 'correct-horse-battery';

export function uniqueName(prefix: string): string {
  return `${prefix}${randomBytes(4).toString('hex')}`;
}

/** A user row without going through the sign-up form (for tests that do not sign in). */
export async function createUser(db: Db, overrides: { username?: string; role?: 'USER' | 'ADMIN' } = {}) {
  const username = overrides.username ?? uniqueName('user');
  return db.user.create({
    data: { id: uniqueName('u_'), name: username, email: `${username}@example.test`, username, role: overrides.role ?? 'USER' },
  });
}

export async function createAlgorithm(db: Db, ownerId: string, options: { name?: string; endpointUrl?: string; version?: string } = {}) {
  return db.algorithm.create({
    data: {
      ownerId,
      name: options.name ?? uniqueName('algo'),
      versions: { create: { version: options.version ?? '1.0.0', endpointUrl: options.endpointUrl ?? 'http://127.0.0.1:9/never-called' } },
    },
    include: { versions: true },
  });
}

/** Runs of an algorithm's first version that have already ended with `status` (e.g. dead ones to count or replay). */
export async function createEndedRuns(
  db: Db,
  algorithm: { id: string; ownerId: string; versions: Array<{ id: string }> },
  status: 'SUCCEEDED' | 'FAILED' | 'DEAD' | 'EXPIRED',
  count: number,
  options: { eventFlowId?: string } = {},
) {
  await db.algorithmRun.createMany({
    data: Array.from({ length: count }, () => ({
      algorithmId: algorithm.id,
      versionId: algorithm.versions[0]!.id,
      callerId: algorithm.ownerId,
      source: options.eventFlowId ? ('EVENT_FLOW' as const) : ('API' as const),
      eventFlowId: options.eventFlowId,
      input: 'x',
      timeoutSeconds: 30,
      status,
      attempt: 1,
      maxAttempts: 1,
      error: status === 'SUCCEEDED' ? null : 'Gave up after 1 attempt',
      finishedAt: new Date(),
    })),
  });
}
