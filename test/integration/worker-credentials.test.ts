import { STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAssumeRoleCached } from '@/lib/sqs/assume-role-cached';
import type { Worker } from '@/worker/worker';
import { startRecordingSqsProxy, type RecordingSqsProxy } from '../support/recording-sqs-proxy';
import { createQueueWithDlq } from '../support/sqs';
import { sendMessages } from '../support/sqs-messages';
import { startStsStandIn, type StsStandIn } from '../support/sts-stand-in';
import { startTestWorker } from '../support/worker';
import { createWorkerScene, type WorkerScene } from '../support/worker-scene';

const PLATFORM_ACCESS_KEY = 'AKIAPLATFORMEXAMPLE';
const CONSUMER_ROLE = 'arn:aws:iam::123456789012:role/event-flows-consumer';
const DENIED_ROLE = 'arn:aws:iam::123456789012:role/trusts-someone-else';
// Its trust policy requires another user's external ID (registered with the STS stand-in).
const OTHER_USERS_ROLE = 'arn:aws:iam::123456789012:role/another-users-consumer';
const LEGACY_ROLE = 'arn:aws:iam::123456789012:role/legacy-consumer';
const CREDENTIAL_LIFETIME_SECONDS = 3;

// Not local mode: the worker assumes each flow's role through an STS stand-in and signs
// its SQS requests with the assumed credentials. A proxy in front of the SQS emulator
// records which access key signed each request.
describe('worker credentials', () => {
  let scene: WorkerScene;
  let sts: StsStandIn;
  let proxy: RecordingSqsProxy;
  let worker: Worker;

  beforeAll(async () => {
    scene = await createWorkerScene();
    sts = await startStsStandIn({ lifetimeSeconds: CREDENTIAL_LIFETIME_SECONDS, deniedRoleArns: [DENIED_ROLE] });
    sts.registerRole(CONSUMER_ROLE, { requiredExternalId: scene.owner.externalId });
    sts.registerRole(OTHER_USERS_ROLE, { requiredExternalId: 'ef-someone-elses-external-id' });
    sts.registerRole(LEGACY_ROLE, { requiredExternalId: 'chosen-by-the-user-long-ago' });
    proxy = await startRecordingSqsProxy(inject('sqsEndpoint'));
    const platformSts = new STSClient({
      endpoint: sts.url,
      region: 'us-east-1',
      credentials: { accessKeyId: PLATFORM_ACCESS_KEY, secretAccessKey: 'platform-secret' },
    });
    worker = startTestWorker(scene.database.db, scene.workerConfig(), {
      endpoint: proxy.url,
      defaultRegion: 'us-east-1',
      assumeRole: createAssumeRoleCached(platformSts),
    });
  });
  afterAll(async () => {
    await worker?.stop();
    await Promise.all([sts?.close(), proxy?.close()]);
    await scene?.close();
  });

  it('signs SQS requests with the role assumed with the owner’s external ID, and assumes it again before the credentials expire', async () => {
    const { queueUrl } = await createQueueWithDlq(scene.sqs);
    const flow = await scene.connect(queueUrl, { roleArn: CONSUMER_ROLE });
    // Messages keep the consumer calling SQS for longer than three credential lifetimes.
    const sent: string[] = [];
    while (sts.issued.filter((c) => c.roleArn === CONSUMER_ROLE).length < 3) {
      sent.push(...(await sendMessages(scene.sqs, queueUrl, [JSON.stringify({ n: sent.length })])));
      await expect.poll(async () => (await scene.runMessageIds(flow.id)).length, { timeout: 5_000 }).toBe(sent.length);
    }

    expect(sts.calls.filter((call) => call.roleArn === CONSUMER_ROLE)[0]).toEqual({
      roleArn: CONSUMER_ROLE,
      roleSessionName: `event-flows-${scene.owner.username}-${flow.id}`,
      externalId: scene.owner.externalId,
      signedBy: PLATFORM_ACCESS_KEY,
    });
    const issued = new Map(sts.issued.map((credentials) => [credentials.accessKeyId, credentials]));
    const signed = proxy.requests.filter((request) => issued.get(request.accessKeyId ?? '')?.roleArn === CONSUMER_ROLE);
    expect(signed.length).toBeGreaterThan(sent.length);
    expect(new Set(signed.map((request) => request.action))).toEqual(new Set(['ReceiveMessage', 'DeleteMessageBatch']));
    expect(proxy.requests.filter((request) => !issued.has(request.accessKeyId ?? ''))).toEqual([]);
    // Refreshed: several keys were used, none after it had expired.
    expect(new Set(signed.map((request) => request.accessKeyId)).size).toBeGreaterThanOrEqual(2);
    expect(signed.filter((request) => request.at >= issued.get(request.accessKeyId!)!.expiresAt)).toEqual([]);
    expect(await scene.flowRow(flow.id)).toMatchObject({ status: 'ACTIVE', lastError: null });
  });

  it('shows AccessDenied on AssumeRole as an error on the connection', async () => {
    const { flow } = await scene.connectQueue({ roleArn: DENIED_ROLE });
    await expect.poll(() => scene.flowRow(flow.id), { timeout: 5_000 }).toMatchObject({ status: 'ERROR' });
    const { lastError } = await scene.flowRow(flow.id);
    expect(lastError).toMatch(/assume/i);
    expect(lastError).toContain('AccessDenied');
    expect(lastError).toContain(DENIED_ROLE);
  });

  it('cannot consume a queue whose role trusts another user’s external ID', async () => {
    const { flow } = await scene.connectQueue({ roleArn: OTHER_USERS_ROLE });
    await expect.poll(() => scene.flowRow(flow.id), { timeout: 5_000 }).toMatchObject({ status: 'ERROR' });
    expect((await scene.flowRow(flow.id)).lastError).toContain('AccessDenied');
    expect(sts.calls.filter((call) => call.roleArn === OTHER_USERS_ROLE).map((call) => call.externalId)).toContain(scene.owner.externalId);
    expect(sts.issued.filter((credentials) => credentials.roleArn === OTHER_USERS_ROLE)).toEqual([]);
  });

  it('keeps a flow from before platform external IDs working with the ID its user chose', async () => {
    const { queueUrl, flow } = await scene.connectQueue({ roleArn: LEGACY_ROLE, legacyExternalId: 'chosen-by-the-user-long-ago' });
    await sendMessages(scene.sqs, queueUrl, ['{"legacy":true}']);
    await expect.poll(async () => (await scene.runMessageIds(flow.id)).length, { timeout: 5_000 }).toBe(1);
    expect(await scene.flowRow(flow.id)).toMatchObject({ status: 'ACTIVE', lastError: null });
  });

  it('shows a queue that does not exist as an error on the connection', async () => {
    const { queueUrl } = await createQueueWithDlq(scene.sqs);
    const missing = queueUrl.replace(/[^/]+$/, 'no-such-queue');
    const flow = await scene.connect(missing, { roleArn: CONSUMER_ROLE });
    await expect.poll(() => scene.flowRow(flow.id), { timeout: 5_000 }).toMatchObject({ status: 'ERROR' });
    const { lastError } = await scene.flowRow(flow.id);
    expect(lastError).toContain('does not exist');
    expect(lastError).toContain(missing);
  });
});
