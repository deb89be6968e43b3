import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAlgorithmForOwner } from '@/lib/algorithms/get-algorithm-for-owner';
import { createFlow } from '@/lib/flows/create-flow';
import { deleteFlow } from '@/lib/flows/delete-flow';
import { MAX_FLOW_TIMEOUT_SECONDS } from '@/lib/flows/flow-input';
import { listFlows } from '@/lib/flows/list-flows';
import { FLOWS_CHANGED_CHANNEL } from '@/lib/flows/notify-flows-changed';
import { pauseFlow } from '@/lib/flows/pause-flow';
import { resumeFlow } from '@/lib/flows/resume-flow';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createAlgorithm, createUser, uniqueName } from '../support/factories';
import { localQueueAccess } from '../support/queue-access';

const ROLE_ARN = 'arn:aws:iam::123456789012:role/READ_SQS';
const queueUrl = () => `https://sqs.us-west-2.amazonaws.com/123456789012/${uniqueName('q')}`;

describe('event flows (broker connections and event listeners)', () => {
  let t: TestDatabase;
  let listener: pg.Client;
  const notified: string[] = [];
  // Local mode: no role is assumed, so none is verified (check-role-trust covers that).
  const access = localQueueAccess();

  async function ownedAlgorithm() {
    const user = await createUser(t.db);
    const { name } = await createAlgorithm(t.db, user.id, { version: '0.2.0' });
    return { user, algorithm: await getAlgorithmForOwner(t.db, user.id, user.username, name) };
  }

  beforeAll(async () => {
    t = await createTestDatabase();
    listener = new pg.Client({ connectionString: t.url });
    await listener.connect();
    listener.on('notification', (message) => notified.push(message.payload ?? ''));
    await listener.query(`LISTEN ${FLOWS_CHANGED_CHANNEL}`);
  });
  afterAll(async () => {
    await listener.end();
    await t.drop();
  });

  it('connect a queue to an algorithm, stored as given, and tell the worker', async () => {
    const { algorithm } = await ownedAlgorithm();
    const input = { queueUrl: queueUrl(), roleArn: ROLE_ARN, version: '0.2.0', timeoutSeconds: '120' };
    const flow = await createFlow(t.db, { access, algorithm, kind: 'BROKER', input });
    expect(flow).toMatchObject({
      kind: 'BROKER',
      queueUrl: input.queueUrl,
      roleArn: ROLE_ARN,
      version: '0.2.0',
      algorithmPath: `${algorithm.owner.username}/${algorithm.name}/0.2.0`,
      timeoutSeconds: 120,
      enabled: true,
      status: 'STARTING',
    });
    expect(await t.db.eventFlow.findUniqueOrThrow({ where: { id: flow.id } })).toMatchObject({ legacyExternalId: null, creatorId: algorithm.ownerId });
    await expect.poll(() => notified).toContain(flow.id);
  });

  it('refuse an external ID chosen by the user, storing nothing: the platform sends the owner’s own', async () => {
    const { algorithm } = await ownedAlgorithm();
    const input = { queueUrl: queueUrl(), roleArn: ROLE_ARN, externalId: 'team-42' };
    await expect(createFlow(t.db, { access, algorithm, kind: 'BROKER', input })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      fieldErrors: { externalId: expect.stringMatching(/^Set by the platform/) },
    });
    expect(await t.db.eventFlow.count({ where: { algorithmId: algorithm.id } })).toBe(0);
  });

  it('run the latest version when none is given, and list connections apart from listeners', async () => {
    const { algorithm } = await ownedAlgorithm();
    const broker = await createFlow(t.db, { access, algorithm, kind: 'BROKER', input: { queueUrl: queueUrl(), roleArn: ROLE_ARN } });
    const legacy = await createFlow(t.db, { access, algorithm, kind: 'LISTENER', input: { queueUrl: queueUrl(), roleArn: ROLE_ARN } });
    expect(broker).toMatchObject({ version: null, timeoutSeconds: null, algorithmPath: `${algorithm.owner.username}/${algorithm.name}` });
    expect((await listFlows(t.db, algorithm.id, 'BROKER')).map((f) => f.id)).toEqual([broker.id]);
    expect((await listFlows(t.db, algorithm.id, 'LISTENER')).map((f) => f.id)).toEqual([legacy.id]);
  });

  it.each([
    ['an invalid URI', { queueUrl: 'https://example.com/q' }, 'queueUrl'],
    ['a queue URL whose account is not 12 digits', { queueUrl: 'https://sqs.us-east-1.amazonaws.com/12345/q' }, 'queueUrl'],
    ['an ARN that is not a role', { roleArn: 'arn:aws:iam::123:user/x' }, 'roleArn'],
    ['a timeout of 0', { timeoutSeconds: 0 }, 'timeoutSeconds'],
    ['a timeout above the maximum', { timeoutSeconds: MAX_FLOW_TIMEOUT_SECONDS + 1 }, 'timeoutSeconds'],
    ['a version that is not published', { version: '9.9.9' }, 'version'],
  ])('refuse %s with a field error and store nothing', async (_case, override, field) => {
    const { algorithm } = await ownedAlgorithm();
    const input = { queueUrl: queueUrl(), roleArn: ROLE_ARN, ...override };
    await expect(createFlow(t.db, { access, algorithm, kind: 'BROKER', input })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      fieldErrors: { [field]: expect.any(String) },
    });
    expect(await t.db.eventFlow.count({ where: { algorithmId: algorithm.id } })).toBe(0);
  });

  it('refuse the same queue twice for one algorithm, as a connection or a listener', async () => {
    const { algorithm } = await ownedAlgorithm();
    const url = queueUrl();
    await createFlow(t.db, { access, algorithm, kind: 'BROKER', input: { queueUrl: url, roleArn: ROLE_ARN } });
    for (const kind of ['BROKER', 'LISTENER'] as const) {
      await expect(createFlow(t.db, { access, algorithm, kind, input: { queueUrl: url.replace('sqs.', 'SQS.'), roleArn: ROLE_ARN } })).rejects.toMatchObject({
        code: 'CONFLICT',
        fieldErrors: { queueUrl: `This queue is already connected to ${algorithm.owner.username}/${algorithm.name}` },
      });
    }
    expect(await t.db.eventFlow.count({ where: { algorithmId: algorithm.id } })).toBe(1);
    // Another user's algorithm may not take it either (one queue, one enabled connection).
    const other = await ownedAlgorithm();
    await expect(createFlow(t.db, { access, algorithm: other.algorithm, kind: 'BROKER', input: { queueUrl: url, roleArn: ROLE_ARN } })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('accept queues of the local endpoint in local mode only', async () => {
    const { algorithm } = await ownedAlgorithm();
    const input = { queueUrl: 'http://sqs.us-east-1.localhost:4566/000000000000/demo-queue', roleArn: ROLE_ARN };
    await expect(createFlow(t.db, { access, algorithm, kind: 'BROKER', input })).rejects.toMatchObject({ fieldErrors: { queueUrl: expect.any(String) } });
    await expect(createFlow(t.db, { access, algorithm, kind: 'BROKER', input, localSqsEndpoint: 'http://127.0.0.1:4566' })).resolves.toMatchObject({
      queueName: 'demo-queue',
    });
  });

  it('pause, resume and delete, each telling the worker', async () => {
    const { user, algorithm } = await ownedAlgorithm();
    const flow = await createFlow(t.db, { access, algorithm, kind: 'LISTENER', input: { queueUrl: queueUrl(), roleArn: ROLE_ARN } });
    await t.db.eventFlow.update({ where: { id: flow.id }, data: { status: 'ERROR', lastError: 'AccessDenied' } });
    notified.length = 0;

    expect(await pauseFlow(t.db, user.id, flow.id)).toMatchObject({ enabled: false, status: 'PAUSED' });
    expect(await resumeFlow(t.db, user.id, flow.id)).toMatchObject({ enabled: true, status: 'STARTING', lastError: null });
    await deleteFlow(t.db, user.id, flow.id);
    expect(await t.db.eventFlow.findUnique({ where: { id: flow.id } })).toBeNull();
    await expect.poll(() => notified).toEqual([flow.id, flow.id, flow.id]);
  });

  it("cannot be paused, resumed or deleted by another user", async () => {
    const { algorithm } = await ownedAlgorithm();
    const stranger = await createUser(t.db);
    const flow = await createFlow(t.db, { access, algorithm, kind: 'BROKER', input: { queueUrl: queueUrl(), roleArn: ROLE_ARN } });
    for (const change of [pauseFlow, resumeFlow, deleteFlow]) {
      await expect(change(t.db, stranger.id, flow.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    await expect(pauseFlow(t.db, stranger.id, 'no-such-flow')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await t.db.eventFlow.findUniqueOrThrow({ where: { id: flow.id } })).toMatchObject({ enabled: true, status: 'STARTING' });
  });
});
