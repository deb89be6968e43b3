// A typed client of the Event Flows API, built from its OpenAPI document (/api/openapi.json,
// types in ./api-types.ts): it signs in, connects a queue to an algorithm (Connect broker)
// and sends a message to the queue (Send test message), which then runs the algorithm.
//
//   npx tsx examples/api-client/connect-and-send.ts
//
// With `npm start`'s defaults it connects the demo queue to demo/store-file as the demo
// user; set EVENT_FLOWS_URL, EVENT_FLOWS_EMAIL, EVENT_FLOWS_PASSWORD, ALGORITHM (owner/name),
// QUEUE_URL, ROLE_ARN and MESSAGE to change any of it.
import createClient from 'openapi-fetch';
import type { paths } from './api-types';

export interface ConnectAndSendOptions {
  baseUrl: string;
  email: string;
  password: string;
  /** owner/name */
  algorithm: string;
  queueUrl: string;
  roleArn: string;
  message: string;
}

export async function connectAndSend(options: ConnectAndSendOptions): Promise<{ flowId: string; messageId: string }> {
  const api = createClient<paths>({ baseUrl: options.baseUrl });

  // The JSON API authenticates with the session cookie; better-auth wants the app's Origin.
  const signIn = await api.POST('/api/auth/sign-in/email', {
    body: { email: options.email, password: options.password },
    headers: { origin: options.baseUrl },
  });
  if (!signIn.response.ok) throw new Error(`Sign-in failed: HTTP ${signIn.response.status}`);
  const cookie = signIn.response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0])
    .join('; ');
  const session = { cookie, origin: options.baseUrl };

  const [owner = '', name = ''] = options.algorithm.split('/');
  const connected = await api.POST('/api/v1/algorithms/{owner}/{name}/connections', {
    params: { path: { owner, name } },
    body: { queueUrl: options.queueUrl, roleArn: options.roleArn },
    headers: session,
  });
  if (!connected.data) throw new Error(`Connect broker failed: ${JSON.stringify(connected.error)}`);
  const { flow } = connected.data;

  const sent = await api.POST('/api/v1/flows/{id}/test-message', {
    params: { path: { id: flow.id } },
    body: { body: options.message },
    headers: session,
  });
  if (!sent.data?.ok) throw new Error(`Send test message failed: ${JSON.stringify(sent.data ?? sent.error)}`);
  return { flowId: flow.id, messageId: sent.data.messageId };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const env = process.env;
  const result = await connectAndSend({
    baseUrl: env.EVENT_FLOWS_URL ?? 'http://localhost:3000',
    email: env.EVENT_FLOWS_EMAIL ?? 'demo@eventflows.local',
    password: env.EVENT_FLOWS_PASSWORD ?? 'eventflows-demo',
    algorithm: env.ALGORITHM ?? 'demo/store-file',
    queueUrl: env.QUEUE_URL ?? 'http://sqs.us-east-1.localhost:4566/000000000000/demo-queue',
    roleArn: env.ROLE_ARN ?? 'arn:aws:iam::000000000000:role/local',
    message: env.MESSAGE ?? JSON.stringify({ filename: 'from-the-api-client.txt', data: 'sent through the documented API' }),
  });
  process.stdout.write(`Connected: flow ${result.flowId}\nSent: message ${result.messageId}\n`);
}
