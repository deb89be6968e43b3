import { CreateQueueCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { STSClient } from '@aws-sdk/client-sts';
import { createQueueAccess, type QueueAccess } from '@/lib/admin/queue-access';
import { createAssumeRoleCached } from '@/lib/sqs/assume-role-cached';
import { checkQueueConnection } from '@/lib/connection-checks/check-queue-connection';
import { uniqueName } from '../support/factories';
import { localQueueAccess } from '../support/queue-access';
import { createQueueWithDlq, testSqsClient } from '../support/sqs';
import { startStsStandIn, type StsStandIn } from '../support/sts-stand-in';

const ROLE = 'arn:aws:iam::444455556666:role/READ_SQS';
const UNTRUSTING_ROLE = 'arn:aws:iam::444455556666:role/NOT_FOR_YOU';

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
    const check = await checkQueueConnection({ queueUrl: queue.queueUrl, roleArn: ROLE, timeoutSeconds: 120 }, local);
    expect(check).toMatchObject({ ok: true, local: true, visibilityTimeoutSeconds: 300, maxReceiveCount: 12, warnings: [] });
    expect(check.ok && check.deadLetterQueueArn).toMatch(new RegExp(`:${queue.name}-dlq$`));
  });

  it('warns about a queue without a redrive policy, or hidden for less than the algorithm timeout', async () => {
    const plain = await sqs.send(new CreateQueueCommand({ QueueName: uniqueName('plain-'), Attributes: { VisibilityTimeout: '30' } }));
    const check = await checkQueueConnection({ queueUrl: plain.QueueUrl!, roleArn: ROLE, timeoutSeconds: 60 }, local);
    expect(check.ok).toBe(true);
    const warnings = check.ok ? check.warnings : [];
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/no redrive policy/);
    expect(warnings[1]).toMatch(/visibility timeout \(30 s\) is shorter than the algorithm timeout \(60 s\)/);
  });

  it('warns when Maximum Receives × the requeue delay is under an hour: a long overload could send messages to the DLQ', async () => {
    const queue = await createQueueWithDlq(sqs, { visibilityTimeout: 300, maxReceiveCount: 5 });
    const check = await checkQueueConnection({ queueUrl: queue.queueUrl, roleArn: ROLE }, local);
    expect(check.ok && check.warnings).toEqual([
      'Maximum Receives (5) × the platform’s requeue delay (300 s) is 25 min: messages may reach the DLQ without running during an overload longer than that. Raise Maximum Receives to at least 12.',
    ]);
  });

  it('says that the queue does not exist', async () => {
    const url = `${new URL((await createQueueWithDlq(sqs)).queueUrl).origin}/000000000000/${uniqueName('missing-')}`;
    const check = await checkQueueConnection({ queueUrl: url, roleArn: ROLE }, local);
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
      // The emulator listens on every loopback address; 127.0.0.2 does not count as local mode.
      const emulator = new URL(inject('sqsEndpoint'));
      const assumeRole = createAssumeRoleCached(new STSClient({ region: 'us-east-1', endpoint: sts.url }));
      remote = createQueueAccess({ endpoint: `http://127.0.0.2:${emulator.port}`, defaultRegion: 'us-east-1', assumeRole }, false);
    });
    afterAll(async () => {
      vi.unstubAllEnvs();
      await sts.close();
    });

    it('assumes the role, with the external ID, and reads the queue as that role', async () => {
      const queue = await createQueueWithDlq(sqs, { visibilityTimeout: 300, maxReceiveCount: 12 });
      const check = await checkQueueConnection({ queueUrl: queue.queueUrl, roleArn: ROLE, externalId: 'ext-42' }, remote);
      expect(check).toMatchObject({ ok: true, local: false, warnings: [] });
      expect(sts.calls).toContainEqual(expect.objectContaining({ roleArn: ROLE, externalId: 'ext-42', roleSessionName: 'event-flows-admin', signedBy: 'AKIAPLATFORM' }));
    });

    it('says in plain words that the role cannot be assumed', async () => {
      const queue = await createQueueWithDlq(sqs);
      const check = await checkQueueConnection({ queueUrl: queue.queueUrl, roleArn: UNTRUSTING_ROLE }, remote);
      expect(check).toMatchObject({ ok: false, local: false, problem: { code: 'ROLE_NOT_ASSUMABLE', awsError: 'AccessDenied' } });
      expect(!check.ok && check.problem.message).toMatch(/trust relationship/);
    });
  });
});
