import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admitRun } from '@/lib/runs/admit-run';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createAlgorithm, createUser } from '../support/factories';

// Calls admitted at the same moment share admissions (admit-run.ts): each must still get
// its own run, with its own input, and its own answer.
describe('admitting runs of calls that arrive together', () => {
  let t: TestDatabase;

  beforeAll(async () => {
    t = await createTestDatabase();
    await t.db.platformSettings.create({ data: { maxWorkers: 1000, userSessionLimit: 1000 } });
  });
  afterAll(async () => t?.drop());

  async function callerWithAlgorithm() {
    const user = await createUser(t.db);
    const algorithm = await createAlgorithm(t.db, user.id, { endpointUrl: 'http://127.0.0.1:1/' });
    return { algorithmId: algorithm.id, versionId: algorithm.versions[0]!.id, callerId: user.id, timeoutSeconds: 30 };
  }

  it('gives each call its own run with its own input, across callers and statuses', async () => {
    const callers = [await callerWithAlgorithm(), await callerWithAlgorithm()];
    const requests = Array.from({ length: 40 }, (_, i) => ({ ...callers[i % 2]!, status: i % 5 === 0 ? ('RUNNING' as const) : ('QUEUED' as const), input: { call: i } }));
    const runs = await Promise.all(requests.map((request) => admitRun(t.db, request)));

    expect(new Set(runs.map((run) => run.id)).size).toBe(40);
    const stored = await t.db.algorithmRun.findMany({ where: { id: { in: runs.map((run) => run.id) } } });
    const byId = new Map(stored.map((run) => [run.id, run]));
    runs.forEach((run, i) => {
      expect(run.status).toBe(requests[i]!.status);
      expect(byId.get(run.id)).toMatchObject({ input: { call: i }, callerId: requests[i]!.callerId, status: requests[i]!.status });
    });
  });

  it('fails only the calls of an admission that failed: the others arriving with them are admitted', async () => {
    const good = await callerWithAlgorithm();
    // A version that does not exist: its INSERT breaks the foreign key.
    const broken = { ...(await callerWithAlgorithm()), versionId: 'no-such-version' };
    const answers = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) => admitRun(t.db, { ...(i % 3 === 0 ? broken : good), status: 'QUEUED', input: i })),
    );

    expect(answers.map((answer) => answer.status)).toEqual(Array.from({ length: 12 }, (_, i) => (i % 3 === 0 ? 'rejected' : 'fulfilled')));
    expect(await t.db.algorithmRun.count({ where: { callerId: good.callerId } })).toBe(8);
    expect(await t.db.algorithmRun.count({ where: { callerId: broken.callerId } })).toBe(0);
  });
});
