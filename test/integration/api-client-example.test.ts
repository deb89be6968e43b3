import { execFile } from 'node:child_process';
import { ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../support/app';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { TEST_PASSWORD, uniqueName } from '../support/factories';
import { signUpOverHttp } from '../support/session';
import { createQueueWithDlq, testSqsClient } from '../support/sqs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);
// The script runs in a process of its own through tsx, which compiles it first: on a busy
// 2-core machine that alone can take half a minute.
const SCRIPT_TIMEOUT_MS = 100_000;

// examples/api-client/connect-and-send.ts, run as its header says, against the real app:
// the OpenAPI document's types and paths are enough to sign in, connect and send.
describe('the typed API client example', () => {
  let t: TestDatabase;
  let app: RunningApp;

  beforeAll(async () => {
    t = await createTestDatabase();
    app = await startApp(t.url);
  });
  afterAll(async () => {
    await app?.stop();
    await t?.drop();
  });

  it('signs in, connects a queue of the local emulator and sends a message to it', async () => {
    const { username, cookie } = await signUpOverHttp(app.url);
    const name = uniqueName('algo');
    const headers = { cookie, 'content-type': 'application/json' };
    expect((await fetch(`${app.url}/api/v1/algorithms`, { method: 'POST', headers, body: JSON.stringify({ name }) })).status).toBe(201);
    const versions = `${app.url}/api/v1/algorithms/${username}/${name}/versions`;
    expect((await fetch(versions, { method: 'POST', headers, body: JSON.stringify({ version: '0.1.0', endpointUrl: `${app.url}/api/examples/echo` }) })).status).toBe(201);
    const sqs = testSqsClient();
    const { queueUrl } = await createQueueWithDlq(sqs);
    const message = JSON.stringify({ filename: 'typed.txt', data: 'through the documented API' });

    const { stdout } = await run(path.join(ROOT, 'node_modules/.bin/tsx'), ['examples/api-client/connect-and-send.ts'], {
      cwd: ROOT,
      timeout: SCRIPT_TIMEOUT_MS,
      env: {
        ...process.env,
        EVENT_FLOWS_URL: app.url,
        EVENT_FLOWS_EMAIL: `${username}@example.test`,
        EVENT_FLOWS_PASSWORD: TEST_PASSWORD,
        ALGORITHM: `${username}/${name}`,
        QUEUE_URL: queueUrl,
        ROLE_ARN: 'arn:aws:iam::000000000000:role/local',
        MESSAGE: message,
      },
    });

    const flowId = /Connected: flow (\S+)/.exec(stdout)?.[1];
    const messageId = /Sent: message (\S+)/.exec(stdout)?.[1];
    const flow = await t.db.eventFlow.findUniqueOrThrow({ where: { id: flowId }, include: { algorithm: { select: { name: true } } } });
    expect(flow).toMatchObject({ queueUrl, kind: 'BROKER', enabled: true, algorithm: { name } });
    const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }));
    expect(Messages.map((sent) => ({ id: sent.MessageId, body: sent.Body }))).toEqual([{ id: messageId, body: message }]);
  }, SCRIPT_TIMEOUT_MS + 20_000);
});
