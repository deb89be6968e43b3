import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { takeRoleCheck } from '@/lib/connection-checks/take-role-check';
import { createDb, sqlPool, type Db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { createRateLimit } from '@/lib/rate-limits/create-rate-limit';
import { createTestDatabase, type TestDatabase } from '../support/database';

describe('a rate limit', () => {
  let t: TestDatabase;
  let secondProcess: Db;
  beforeAll(async () => {
    t = await createTestDatabase();
    secondProcess = createDb(t.url);
  });
  afterAll(async () => {
    await secondProcess.$disconnect();
    await t.drop();
  });

  const options = { name: 'test-limit', points: 10, durationSeconds: 60, refusal: (s: number) => `Try again in ${s} s.` };

  it('is shared by every process on the database: the 11th call is refused whichever process takes it', async () => {
    const limits = [createRateLimit(sqlPool(t.db), options), createRateLimit(sqlPool(secondProcess), options)];
    for (let call = 0; call < 10; call++) await limits[call % 2]!('user-a');
    for (const limit of limits) {
      const refusal = await limit('user-a').then(() => undefined, (error: unknown) => error);
      expect(refusal).toBeInstanceOf(AppError);
      expect(refusal).toMatchObject({ code: 'TOO_MANY_REQUESTS', message: expect.stringMatching(/^Try again in \d+ s\.$/) });
      expect((refusal as AppError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect((refusal as AppError).retryAfterSeconds).toBeLessThanOrEqual(60);
    }
    // Another key has its own points.
    await expect(limits[0]!('user-b')).resolves.toBeUndefined();
    const rows = await t.db.rateLimiterPoints.findMany({ orderBy: { key: 'asc' } });
    expect(rows.map((row) => [row.key, row.points])).toEqual([['test-limit:user-a', 12], ['test-limit:user-b', 1]]);
  });

  it('takes role checks outside local mode only: local mode calls no STS, so its walkthrough is never limited', async () => {
    for (let check = 0; check < 12; check++) await takeRoleCheck(t.db, 'local-user', { local: true });
    for (let check = 0; check < 10; check++) await takeRoleCheck(t.db, 'remote-user', { local: false });
    await expect(takeRoleCheck(t.db, 'remote-user', { local: false })).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    expect(await t.db.rateLimiterPoints.count({ where: { key: { startsWith: 'role-check:local-user' } } })).toBe(0);
  });
});
