import { createHash } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Message, SQSClient } from '@aws-sdk/client-sqs';
import { SignatureV4 } from '@smithy/signature-v4';
import { describeAwsError } from './describe-aws-error';

export interface ReceiveRequest {
  queueUrl: string;
  maxMessages: number;
  waitTimeSeconds: number;
}

/** ReceiveMessage on one queue; rejects with the AWS error (its `name`) as the SDK would. */
export type ReceiveMessages = (request: ReceiveRequest, signal: AbortSignal) => Promise<Message[]>;

export interface HttpAgents {
  http: http.Agent;
  https: https.Agent;
}

// Why not `sqs.send(new ReceiveMessageCommand(...))`: a thousand idle flows keep a
// thousand long polls going, 50 a second. Through the SDK's middleware stack (schema
// serde, endpoint rules, retry tokens, user agent, five timers) each poll costs ~1 ms of
// CPU and keeps ~23 KB alive for its 20 s; this path ~0.6 ms and ~9 KB (`npm run
// bench:idle-polls`). It still uses the client's own region, endpoint rules,
// credentials (AssumeRole included), clock-skew offset and signer; deletes and requeues
// stay on the SDK.

const ATTEMPTS = 3; // as the SDK's standard retry mode
// A long poll that has not answered well after WaitTimeSeconds is a dead connection.
const SILENCE_BEYOND_WAIT_MS = 10_000;
// Refusals of a request signed at the wrong time: the server's Date corrects the clock.
const CLOCK_SKEW = new Set(['AuthFailure', 'InvalidSignatureException', 'RequestExpired', 'RequestInTheFuture', 'RequestTimeTooSkewed', 'SignatureDoesNotMatch']);
const SKEW_THRESHOLD_MS = 240_000;

/**
 * A lean ReceiveMessage (AWS JSON 1.0 protocol, SigV4) for the worker's long polls, on
 * the given agents. A connection silent for 10 s beyond the wait fails with TimeoutError;
 * transient failures are retried twice.
 */
export function createMessageReceiver(client: SQSClient, agents: HttpAgents): ReceiveMessages {
  let endpoint: Promise<URL> | undefined;
  let signer: Promise<SignatureV4> | undefined;
  const config = client.config;

  return async (request, signal) => {
    endpoint ??= resolveEndpoint(client);
    signer ??= config.region().then((region) => new SignatureV4({ service: 'sqs', region, credentials: config.credentials, sha256: config.sha256 }));
    const body = JSON.stringify({
      QueueUrl: request.queueUrl,
      MaxNumberOfMessages: request.maxMessages,
      WaitTimeSeconds: request.waitTimeSeconds,
      MessageSystemAttributeNames: ['ApproximateReceiveCount', 'MessageGroupId', 'SequenceNumber'],
    });
    for (let attempt = 1; ; attempt++) {
      try {
        const url = await endpoint;
        const signed = await (await signer).sign(
          {
            method: 'POST',
            protocol: url.protocol,
            hostname: url.hostname,
            port: url.port ? Number(url.port) : undefined,
            path: url.pathname,
            query: {},
            headers: { host: url.host, 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AmazonSQS.ReceiveMessage' },
            body,
          },
          { signingDate: new Date(Date.now() + config.systemClockOffset) },
        );
        const response = await post(url, signed.headers, body, { agents, signal, silenceTimeoutMs: request.waitTimeSeconds * 1000 + SILENCE_BEYOND_WAIT_MS });
        return messagesFrom(response);
      } catch (error) {
        const retryable = isTransient(error) || correctClockSkew(client, error);
        if (signal.aborted || attempt >= ATTEMPTS || !retryable) throw error;
        await sleep(100 * 2 ** attempt * Math.random(), undefined, { signal }).catch(() => undefined);
      }
    }
  };
}

async function resolveEndpoint(client: SQSClient): Promise<URL> {
  const config = client.config;
  const custom = await config.endpoint?.();
  const { url } = config.endpointProvider({
    Region: await config.region(),
    UseFIPS: await config.useFipsEndpoint(),
    UseDualStack: await config.useDualstackEndpoint(),
    Endpoint: custom ? `${custom.protocol}//${custom.hostname}${custom.port ? `:${custom.port}` : ''}${custom.path}` : undefined,
  });
  return url;
}

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function post(
  url: URL,
  headers: Record<string, string>,
  body: string,
  { agents, signal, silenceTimeoutMs }: { agents: HttpAgents; signal: AbortSignal; silenceTimeoutMs: number },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const secure = url.protocol === 'https:';
    const request = (secure ? https : http).request(
      { method: 'POST', hostname: url.hostname, port: url.port || undefined, path: url.pathname, headers, agent: secure ? agents.https : agents.http, signal },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
        response.on('error', reject);
      },
    );
    request.setTimeout(silenceTimeoutMs, () => request.destroy(Object.assign(new Error(`no answer from SQS within ${silenceTimeoutMs} ms`), { name: 'TimeoutError' })));
    request.on('error', reject);
    request.end(body);
  });
}

function messagesFrom(response: RawResponse): Message[] {
  const parsed = parseJson(response.body);
  if (response.status < 200 || response.status >= 300) throw awsError(response, parsed);
  const messages = (parsed as { Messages?: Message[] } | undefined)?.Messages ?? [];
  // The SDK checks every body against its MD5 too: a corrupted message is not dispatched.
  const corrupted = messages.filter((message) => message.MD5OfBody !== createHash('md5').update(message.Body ?? '').digest('hex'));
  if (corrupted.length > 0) throw new Error(`Invalid MD5 checksum on messages: ${corrupted.map((message) => message.MessageId).join(', ')}`);
  return messages;
}

function awsError(response: RawResponse, parsed: unknown): Error {
  const fields = (parsed ?? {}) as { __type?: string; code?: string; message?: string; Message?: string };
  // `__type` is "com.amazonaws.sqs#QueueDoesNotExist"; the query-compatible header
  // ("AWS.SimpleQueueService.NonExistentQueue;Sender") when there is no body.
  const type = fields.__type ?? fields.code ?? String(response.headers['x-amzn-query-error'] ?? '').split(';')[0];
  const name = type?.split('#').pop()?.split(':')[0] || (response.status >= 500 ? 'InternalFailure' : 'UnknownError');
  return Object.assign(new Error(fields.message ?? fields.Message ?? `SQS answered HTTP ${response.status}`), {
    name,
    $fault: response.status >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode: response.status, requestId: response.headers['x-amzn-requestid'] },
    serverTime: response.headers.date,
  });
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

/** As the SDK does: a refusal for the time of signing sets the client's clock offset from the server's Date. */
function correctClockSkew(client: SQSClient, error: unknown): boolean {
  const { name, serverTime } = error as { name?: string; serverTime?: string };
  const offset = Date.parse(serverTime ?? '') - Date.now();
  if (!CLOCK_SKEW.has(name ?? '') || Number.isNaN(offset) || Math.abs(offset - client.config.systemClockOffset) < SKEW_THRESHOLD_MS) return false;
  client.config.systemClockOffset = offset;
  return true;
}

// What the SDK's standard retry mode retries: network failures, throttling, 5xx.
function isTransient(error: unknown): boolean {
  const { code } = describeAwsError(error, { action: 'sqs:ReceiveMessage', resource: '' });
  return code === 'UNREACHABLE' || code === 'THROTTLED' || ((error as { $fault?: string }).$fault === 'server');
}
