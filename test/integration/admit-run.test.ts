import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admitRun, admitRunsTogether } from '@/lib/runs/admit-run';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createAlgorithm, createUser } from '../support/factories';

// Calls admitted at the same moment share admissions (admit-run.ts): each must still get
// its own runs, with their own inputs, and its own answers.
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

  it('stores every input exactly as sent, whatever it holds (the values go into the SQL text as literals)', async () => {
    const caller = await callerWithAlgorithm();
    const inputs = [
      "it's",
      String.raw`C:\new\table`,
      String.raw`\'; DROP TABLE "AlgorithmRun"; --`,
      "E'\\x00' $1 $$ ::text",
      { quote: "'", backslash: '\\', unicode: 'ünïcødé 🚀', escape: '\\u0041', lines: 'a\nb\r\tc' },
      'x'.repeat(1024 * 1024),
    ];
    const runs = await Promise.all(inputs.map((input) => admitRun(t.db, { ...caller, status: 'QUEUED', input })));

    const stored = await t.db.algorithmRun.findMany({ where: { id: { in: runs.map((run) => run.id) } } });
    const byId = new Map(stored.map((run) => [run.id, run.input]));
    runs.forEach((run, i) => expect(byId.get(run.id)).toEqual(inputs[i]));
    expect(await t.db.algorithmRun.count()).toBeGreaterThanOrEqual(inputs.length);
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

  it("admits a flow's received batches together, each answered for its own messages; one that cannot be admitted fails alone", async () => {
    const caller = await callerWithAlgorithm();
    const flow = await t.db.eventFlow.create({
      data: {
        kind: 'BROKER',
        algorithmId: caller.algorithmId,
        creatorId: caller.callerId,
        queueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/q',
        roleArn: 'arn:aws:iam::123456789012:role/READ_SQS',
      },
    });
    const batch = { ...caller, status: 'QUEUED' as const, eventFlowId: flow.id };
    const receivedBatch = (c: number, bad = false) =>
      Array.from({ length: 10 }, (_, m) => ({
        input: { c, m },
        sqsMessageId: `call-${c}-message-${m}`,
        // A sequence number PostgreSQL refuses: the INSERT fails, and with it the admission
        // of every call grouped with this one, until each is tried alone.
        ...(bad && m === 4 ? { messageGroupId: 'g', sequenceNumber: 'not a number' } : {}),
      }));
    const admitAtOnce = (calls: ReturnType<typeof receivedBatch>[]) => Promise.allSettled(calls.map((items) => admitRunsTogether(t.db, batch, items)));
    const allGood = await admitAtOnce([0, 1, 2, 3, 4, 5].map((c) => receivedBatch(c)));
    const oneBad = await admitAtOnce([6, 7, 8, 9, 10, 11].map((c) => receivedBatch(c, c === 9)));

    const answers = [...allGood, ...oneBad];
    expect(answers.map((answer) => answer.status)).toEqual(answers.map((_, c) => (c === 9 ? 'rejected' : 'fulfilled')));
    const stored = await t.db.algorithmRun.findMany({ where: { eventFlowId: flow.id } });
    const byId = new Map(stored.map((run) => [run.id, run]));
    expect(stored).toHaveLength(110);
    answers.forEach((answer, c) => {
      if (answer.status === 'rejected') return;
      expect(answer.value.admissions).toHaveLength(10);
      answer.value.admissions.forEach((admission, m) => {
        expect(admission.admitted).toBe(true);
        expect(byId.get((admission as { runId: string }).runId)).toMatchObject({ input: { c, m }, sqsMessageId: `call-${c}-message-${m}` });
      });
    });
  });
});
