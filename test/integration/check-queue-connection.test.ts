import { CreateQueueCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { STSClient } from '@aws-sdk/client-sts';
import { createQueueAccess, type QueueAccess } from '@/lib/sqs/queue-access';
import { createAssumeRoleCached } from '@/lib/sqs/assume-role-cached';
import { checkQueueConnection, type ConnectionToCheck } from '@/lib/connection-checks/check-queue-connection';
import { uniqueName } from '../support/factories';
import { localQueueAccess } from '../support/queue-access';
import { createQueueWithDlq, testSqsClient } from '../support/sqs';
import { startStsStandIn, type StsStandIn } from '../support/sts-stand-in';

const ROLE = 'arn:aws:iam::444455556666:role/READ_SQS';
const UNTRUSTING_ROLE = 'arn:aws:iam::444455556666:role/NOT_FOR_YOU';
// Trusts the platform with no condition: anyone who knows its ARN could connect it.
const OPEN_ROLE = 'arn:aws:iam::444455556666:role/TRUSTS_ANYONE';
const ALICE = { owner: 'alice', externalId: 'ef-alice0000000000000000000000000' };
const BOB = { owner: 'bob', externalId: 'ef-bob00000000000000000000000000' };

/** A connection to check, as Alice (the caller's username and external ID come with it). */
const connection = (queueUrl: string, more: Partial<ConnectionToCheck> = {}): ConnectionToCheck => ({ queueUrl, roleArn: ROLE, ...ALICE, ...more });

describe('testing a connection', () => {
  let sqs: SQSClient;
  let local: QueueAccess;

  beforeAll(() => {
    sqs = testSqsClient();
    local = localQueueAccess();
  });
  afterAll(() => sqs.destroy());

  it('succeeds for a queue with a DLQ and a long enough visibility timeout', async () => {
    const queue = await createQueueWithDlq(sqs, { visibilityTimeout: 300, maxReceiveCount: 12 });
    const check = await checkQueueConnection(connection(queue.queueUrl, { timeoutSeconds: 120 }), local);
    expect(check).toMatchObject({ ok: true, local: true, visibilityTimeoutSeconds: 300, maxReceiveCount: 12, warnings: [] });
    expect(check.ok && check.deadLetterQueueArn).toMatch(new RegExp(`:${queue.name}-dlq$`));
  });

  it('warns about a queue without a redrive policy, or hidden for less than the algorithm timeout', async () => {
    const plain = await sqs.send(new CreateQueueCommand({ QueueName: uniqueName('plain-'), Attributes: { VisibilityTimeout: '30' } }));
    const check = await checkQueueConnection(connection(plain.QueueUrl!, { timeoutSeconds: 60 }), local);
    expect(check.ok).toBe(true);
    const warnings = check.ok ? check.warnings : [];
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/no redrive policy/);
    expect(warnings[1]).toMatch(/visibility timeout \(30 s\) is shorter than the algorithm timeout \(60 s\)/);
  });

  it('warns when Maximum Receives × the requeue delay is under an hour: a long overload could send messages to the DLQ', async () => {
    const queue = await createQueueWithDlq(sqs, { visibilityTimeout: 300, maxReceiveCount: 5 });
    const check = await checkQueueConnection(connection(queue.queueUrl), local);
    expect(check.ok && check.warnings).toEqual([
      'Maximum Receives (5) × the platform’s requeue delay (300 s) is 25 min: messages may reach the DLQ without running during an overload longer than that. Raise Maximum Receives to at least 12.',
    ]);
  });

  it('says that the queue does not exist', async () => {
    const url = `${new URL((await createQueueWithDlq(sqs)).queueUrl).origin}/000000000000/${uniqueName('missing-')}`;
    const check = await checkQueueConnection(connection(url), local);
    expect(check).toMatchObject({ ok: false, problem: { code: 'QUEUE_NOT_FOUND' } });
  });

  describe('outside local mode, through STS AssumeRole', () => {
    let sts: StsStandIn;
    let remote: QueueAccess;

    beforeAll(async () => {
      // The platform's own identity, which signs AssumeRole.
      vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIAPLATFORM');
      vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'platform-secret');
      sts = await startStsStandIn({ lifetimeSeconds: 900, deniedRoleArns: [UNTRUSTING_ROLE] });
      // Alice's role, made with the template: its trust policy requires her external ID.
      sts.registerRole(ROLE, { requiredExternalId: ALICE.externalId });
      sts.registerRole(OPEN_ROLE, {});
      // The emulator listens on every loopback address; 127.0.0.2 does not count as local mode.
      const emulator = new URL(inject('sqsEndpoint'));
      const assumeRole = createAssumeRoleCached(new STSClient({ region: 'us-east-1', endpoint: sts.url }));
      remote = createQueueAccess({ endpoint: `http://127.0.0.2:${emulator.port}`, defaultRegion: 'us-east-1', assumeRole }, false);
    });
    afterAll(async () => {
      vi.unstubAllEnvs();
      await sts.close();
    });

    it('assumes the role with the owner’s external ID, reads the queue as that role, and checks that the role refuses callers without it', async () => {
      const queue = await createQueueWithDlq(sqs, { visibilityTimeout: 300, maxReceiveCount: 12 });
      const check = await checkQueueConnection(connection(queue.queueUrl), remote);
      expect(check).toMatchObject({ ok: true, local: false, warnings: [] });
      const calls = sts.calls.filter((call) => call.roleArn === ROLE);
      expect(calls).toContainEqual({ roleArn: ROLE, externalId: ALICE.externalId, roleSessionName: 'event-flows-alice-check', signedBy: 'AKIAPLATFORM' });
      expect(calls).toContainEqual(expect.objectContaining({ externalId: undefined }));
    });

    it('refuses a role that can be assumed without an external ID, naming the condition to add', async () => {
      const queue = await createQueueWithDlq(sqs);
      const check = await checkQueueConnection(connection(queue.queueUrl, { roleArn: OPEN_ROLE }), remote);
      expect(check).toMatchObject({ ok: false, local: false, problem: { code: 'EXTERNAL_ID_NOT_REQUIRED' } });
      expect(!check.ok && check.problem.message).toContain(`"Condition": {"StringEquals":{"sts:ExternalId":"${ALICE.externalId}"}}`);
    });

    it('cannot reach another user’s queue: their role refuses this user’s external ID', async () => {
      const queue = await createQueueWithDlq(sqs);
      const check = await checkQueueConnection(connection(queue.queueUrl, BOB), remote);
      expect(check).toMatchObject({ ok: false, problem: { code: 'ROLE_NOT_ASSUMABLE', awsError: 'AccessDenied' } });
      expect(!check.ok && check.problem.message).toMatch(/external ID/);
    });

    it('says in plain words that the role cannot be assumed', async () => {
      const queue = await createQueueWithDlq(sqs);
      const check = await checkQueueConnection(connection(queue.queueUrl, { roleArn: UNTRUSTING_ROLE }), remote);
      expect(check).toMatchObject({ ok: false, local: false, problem: { code: 'ROLE_NOT_ASSUMABLE', awsError: 'AccessDenied' } });
      expect(!check.ok && check.problem.message).toMatch(/trust relationship/);
    });
  });
});
