import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { CreateQueueCommand, DeleteMessageCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, describe, expect, it } from 'vitest';
import { describeAwsError } from './describe-aws-error';
import { testSqsClient } from '@/test/support/sqs';
import { uniqueName } from '@/test/support/factories';
import { createMessageReceiver } from './create-message-receiver';
import { createLeanSqsCall } from './lean-sqs-call';
import { SignatureV4 } from '@smithy/signature-v4';

const agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };
const sqs = testSqsClient();
const receive = createMessageReceiver(createLeanSqsCall(sqs, agents));
const never = new AbortController().signal;

afterAll(() => {
  agents.http.destroy();
  sqs.destroy();
});

async function newQueue(): Promise<string> {
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: uniqueName('receiver') }));
  return QueueUrl!;
}

describe('the lean ReceiveMessage of the long polls', () => {
  it('receives what the SDK sent, with a receipt handle the SDK can delete', async () => {
    const queueUrl = await newQueue();
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: '{"hello":"wörld"}' }));

    const [message, ...rest] = await receive({ queueUrl, maxMessages: 10, waitTimeSeconds: 1 }, never);

    expect(rest).toEqual([]);
    expect(message).toMatchObject({ Body: '{"hello":"wörld"}', Attributes: { ApproximateReceiveCount: '1' } });
    await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message!.ReceiptHandle }));
    const { Attributes } = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }),
    );
    expect(Attributes).toMatchObject({ ApproximateNumberOfMessages: '0', ApproximateNumberOfMessagesNotVisible: '0' });
  });

  it('waits on an idle queue, and a message sent meanwhile ends the wait', async () => {
    const queueUrl = await newQueue();
    const startedAt = performance.now();
    expect(await receive({ queueUrl, maxMessages: 1, waitTimeSeconds: 1 }, never)).toEqual([]);
    expect(performance.now() - startedAt).toBeGreaterThan(900);

    const polling = receive({ queueUrl, maxMessages: 1, waitTimeSeconds: 20 }, never);
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'late' }));
    expect((await polling).map((message) => message.Body)).toEqual(['late']);
  });

  it('fails on a missing queue as the SDK does', async () => {
    const queueUrl = (await newQueue()).replace(/[^/]+$/, uniqueName('missing'));
    const ours = await receive({ queueUrl, maxMessages: 1, waitTimeSeconds: 0 }, never).catch((error: unknown) => error);
    const sdks = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl })).catch((error: unknown) => error);

    expect((ours as Error).name).toBe((sdks as Error).name);
    expect(describeAwsError(ours, { action: 'sqs:ReceiveMessage', resource: queueUrl }).code).toBe('QUEUE_NOT_FOUND');
  });

  it('stops a long poll at once when its signal aborts', async () => {
    const queueUrl = await newQueue();
    const abort = new AbortController();
    const startedAt = performance.now();
    const polling = receive({ queueUrl, maxMessages: 1, waitTimeSeconds: 20 }, abort.signal).catch((error: unknown) => error);
    setTimeout(() => abort.abort(), 100);
    expect(await polling).toMatchObject({ name: 'AbortError' });
    expect(performance.now() - startedAt).toBeLessThan(2_000);
  });

  it('retries a server error, and refuses a message whose body does not match its MD5', async () => {
    const { requests, error } = await receiveFromStandIn([
      { status: 500, body: '{"__type":"com.amazonaws.sqs#InternalError","message":"try again"}' },
      { status: 200, body: JSON.stringify({ Messages: [{ MessageId: 'm1', ReceiptHandle: 'r1', Body: 'tampered', MD5OfBody: '0'.repeat(32) }] }) },
    ]);
    expect(requests.map((request) => request.target)).toEqual(['AmazonSQS.ReceiveMessage', 'AmazonSQS.ReceiveMessage']);
    expect((error as Error).message).toBe('Invalid MD5 checksum on messages: m1');
  });

  it('signs again at the server\'s time when SQS refuses the machine\'s clock', async () => {
    const serverTime = new Date(Date.now() + 3_600_000);
    const { requests, error } = await receiveFromStandIn([
      { status: 400, body: '{"__type":"com.amazon.coral.service#InvalidSignatureException","message":"Signature expired"}', date: serverTime },
      { status: 200, body: '{}' },
    ]);
    expect(error).toBeUndefined();
    const [refused, accepted] = requests.map((request) => parseAmzDate(request.amzDate));
    expect(accepted! - refused!).toBeGreaterThan(3_500_000);
  });

  it('sends what the SDK sends for the same ReceiveMessage, with a signature that verifies on the wire', async () => {
    const { sdk, lean } = await captureBothRequests();
    for (const request of [sdk, lean]) expect(await signatureVerifies(request)).toBe(true);
    // Method, path, target, content type and body (parsed: key order may differ) are the SDK's.
    const comparable = ({ method, path, target, contentType, body }: WireRequest) => ({ method, path, target, contentType, body });
    expect(comparable(lean)).toEqual(comparable(sdk));
    expect(scopeOf(lean.authorization)).toBe(scopeOf(sdk.authorization));
  });
});

interface WireRequest {
  method: string;
  path: string;
  target: string;
  contentType: string;
  body: unknown;
  authorization: string;
  amzDate: string;
  headers: http.IncomingHttpHeaders;
  rawBody: string;
}

const CREDENTIALS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };

// One ReceiveMessage through the SDK's `send` and one through the lean receiver, as an
// SQS endpoint receives them.
async function captureBothRequests(): Promise<{ sdk: WireRequest; lean: WireRequest }> {
  const requests: WireRequest[] = [];
  const server = http.createServer(async (request, response) => {
    let rawBody = '';
    for await (const chunk of request) rawBody += String(chunk);
    requests.push({
      method: request.method ?? '',
      path: request.url ?? '',
      target: String(request.headers['x-amz-target']),
      contentType: String(request.headers['content-type']),
      body: JSON.parse(rawBody),
      authorization: String(request.headers.authorization),
      amzDate: String(request.headers['x-amz-date']),
      headers: request.headers,
      rawBody,
    });
    response.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' }).end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const client = new SQSClient({ endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, region: 'eu-west-1', credentials: CREDENTIALS });
  try {
    const queueUrl = 'https://sqs.eu-west-1.amazonaws.com/123456789012/orders';
    await client.send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0, MessageSystemAttributeNames: ['ApproximateReceiveCount', 'MessageGroupId', 'SequenceNumber'] }),
    );
    await createMessageReceiver(createLeanSqsCall(client, agents))({ queueUrl, maxMessages: 10, waitTimeSeconds: 0 }, never);
    return { sdk: requests[0]!, lean: requests[1]! };
  } finally {
    client.destroy();
    server.closeAllConnections();
    server.close();
  }
}

/** Signs the request as received (its signed headers, its body, its time) and compares with what it carries. */
async function signatureVerifies(request: WireRequest): Promise<boolean> {
  const signedHeaders = /SignedHeaders=([^,]+)/.exec(request.authorization)?.[1]?.split(';') ?? [];
  const headers = Object.fromEntries(signedHeaders.map((name) => [name, String(request.headers[name])]));
  const [hostname, port] = String(request.headers.host).split(':');
  const signer = new SignatureV4({ service: 'sqs', region: 'eu-west-1', credentials: CREDENTIALS, sha256: sqs.config.sha256 });
  const signed = await signer.sign(
    { method: request.method, protocol: 'http:', hostname: hostname!, port: Number(port), path: request.path, query: {}, headers, body: request.rawBody },
    { signingDate: new Date(parseAmzDate(request.amzDate)) },
  );
  return signed.headers.authorization === request.authorization;
}

/** "AWS4-HMAC-SHA256 Credential=AKID/20261126/eu-west-1/sqs/aws4_request, …" → "eu-west-1/sqs/aws4_request". */
function scopeOf(authorization: string): string | undefined {
  return /Credential=[^/]+\/\d{8}\/([^,]+)/.exec(authorization)?.[1];
}

interface StandInAnswer {
  status: number;
  body: string;
  date?: Date;
}

// A stand-in for SQS, for what a real queue does not do on demand.
async function receiveFromStandIn(answers: StandInAnswer[]) {
  const requests: Array<{ target: string; amzDate: string }> = [];
  const server = http.createServer((request, response) => {
    requests.push({ target: String(request.headers['x-amz-target']), amzDate: String(request.headers['x-amz-date']) });
    const answer = answers.shift()!;
    const headers = { 'content-type': 'application/x-amz-json-1.0', ...(answer.date ? { date: answer.date.toUTCString() } : {}) };
    response.writeHead(answer.status, headers).end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const standIn = new SQSClient({
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    const error = await createMessageReceiver(createLeanSqsCall(standIn, agents))({ queueUrl: 'http://127.0.0.1/000000000000/q', maxMessages: 1, waitTimeSeconds: 0 }, never).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    return { requests, error };
  } finally {
    standIn.destroy();
    server.closeAllConnections();
    server.close();
  }
}

/** 20261126T061500Z → epoch ms. */
function parseAmzDate(value: string): number {
  return Date.parse(value.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'));
}
