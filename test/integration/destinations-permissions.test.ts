import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startApp, type RunningApp } from '../support/app';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startRecordingSqsProxy, type RecordingSqsProxy } from '../support/recording-sqs-proxy';
import { signUpOverHttp } from '../support/session';
import { createQueueWithDlq, testSqsClient } from '../support/sqs';
import { startStsStandIn, type StsStandIn } from '../support/sts-stand-in';

// Test connection outside local mode: the role is assumed through the STS stand-in, and
// a proxy in front of the emulator refuses what IAM would refuse the role (the emulator
// checks no permission): here, anything on the destination queue.
describe('Test connection of a destination the role may not use', () => {
  let t: TestDatabase;
  let sts: StsStandIn;
  let proxy: RecordingSqsProxy;
  let app: RunningApp;
  const queues = new Map<string, string>();
  const awsUrl = (name: string) => `https://sqs.us-east-1.amazonaws.com/000000000000/${name}`;

  beforeAll(async () => {
    t = await createTestDatabase();
    sts = await startStsStandIn({ lifetimeSeconds: 900 });
    const sqs = testSqsClient();
    for (const role of ['source', 'forbidden']) {
      const queue = await createQueueWithDlq(sqs);
      queues.set(role, queue.name);
      queues.set(queue.name, queue.queueUrl);
    }
    sqs.destroy();
    proxy = await startRecordingSqsProxy(inject('sqsEndpoint'), {
      host: '127.0.0.2',
      emulatorQueueUrl: (url) => queues.get(url.slice(url.lastIndexOf('/') + 1)) ?? url,
      refuse: ({ queueUrl }) => queueUrl === awsUrl(queues.get('forbidden')!),
    });
    app = await startApp(t.url, {
      AWS_ENDPOINT_URL_SQS: proxy.url,
      AWS_ENDPOINT_URL_STS: sts.url,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'AKIAPLATFORM',
      AWS_SECRET_ACCESS_KEY: 'platform-secret',
    });
  });
  afterAll(async () => {
    await app?.stop();
    await proxy?.close();
    await sts?.close();
    await t?.drop();
  });

  it('names the destination and the refusal, in plain words', async () => {
    const { username, cookie } = await signUpOverHttp(app.url);
    const { externalId } = await t.db.user.findUniqueOrThrow({ where: { username }, select: { externalId: true } });
    const roleArn = 'arn:aws:iam::000000000000:role/results-writer';
    sts.registerRole(roleArn, { requiredExternalId: externalId });
    const check = (body: Record<string, unknown>) =>
      fetch(`${app.url}/api/v1/flows/test-connection`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ queueUrl: awsUrl(queues.get('source')!), roleArn, ...body }),
      }).then((response) => response.json());

    expect(await check({})).toMatchObject({ ok: true, local: false });
    expect(await check({ onFailureQueueUrl: awsUrl(queues.get('forbidden')!) })).toMatchObject({
      ok: false,
      field: 'onFailureQueueUrl',
      problem: { code: 'ACCESS_DENIED', message: expect.stringMatching(/^On failure, send to: /) },
    });
    // Every call was made as the role (credentials from AssumeRole with the owner's external ID).
    expect(sts.calls.every((call) => call.roleArn === roleArn)).toBe(true);
  });
});
