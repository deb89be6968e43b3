import http from 'node:http';
import https from 'node:https';
import type { SQSClient } from '@aws-sdk/client-sqs';
import { SignatureV4 } from '@smithy/signature-v4';

export interface HttpAgents {
  http: http.Agent;
  https: https.Agent;
}

export interface LeanSqsCallOptions {
  signal: AbortSignal;
  /** A connection silent this long fails with TimeoutError. */
  silenceTimeoutMs: number;
}

/** Options for a call that must be answered within `ms` (a silence of `ms` ends it too). */
export const answeredWithin = (ms: number): LeanSqsCallOptions => ({ signal: AbortSignal.timeout(ms), silenceTimeoutMs: ms });

/**
 * One SQS action (`ReceiveMessage`, `DeleteMessageBatch`, …) with its input as the SDK's
 * command takes it; resolves with the parsed answer, rejects with the AWS error (its
 * `name`, `$fault`, `$metadata`) as the SDK would.
 */
export type LeanSqsCall = (action: string, input: object, options: LeanSqsCallOptions) => Promise<unknown>;

// Why not `sqs.send(new …Command(…))`: through the SDK's middleware stack (schema serde,
// endpoint rules, retry tokens, user agent, five timers) a ReceiveMessage costs ~1 ms of
// CPU and keeps ~23 KB alive for its 20 s long poll, this path ~0.6 ms and ~9 KB (`npm run
// bench:idle-polls`); a DeleteMessageBatch of 10 costs ~1.1 ms through `send`, ~0.25 ms
// here — one for every ten messages the worker runs — and the GetQueueAttributes of its
// periodic samples (two per flow every minute) likewise. It still uses the client's own
// region, endpoint rules, credentials (AssumeRole included), clock-skew offset and signer.
// The worker's other calls (rare) stay on the SDK.

// Refusals of a request signed at the wrong time: the server's Date corrects the clock.
const CLOCK_SKEW = new Set(['AuthFailure', 'InvalidSignatureException', 'RequestExpired', 'RequestInTheFuture', 'RequestTimeTooSkewed', 'SignatureDoesNotMatch']);
const SKEW_THRESHOLD_MS = 240_000;

/**
 * Lean SQS calls (AWS JSON 1.0 protocol, SigV4) on the given agents, for `client`'s queues.
 * A refusal for the machine's clock is signed again once at the server's time, as the SDK
 * does; other failures are the caller's to retry.
 */
export function createLeanSqsCall(client: SQSClient, agents: HttpAgents): LeanSqsCall {
  let endpoint: Promise<URL> | undefined;
  let signer: Promise<SignatureV4> | undefined;
  const config = client.config;

  return async (action, input, { signal, silenceTimeoutMs }) => {
    endpoint ??= resolveEndpoint(client);
    signer ??= config.region().then((region) => new SignatureV4({ service: 'sqs', region, credentials: config.credentials, sha256: config.sha256 }));
    const body = JSON.stringify(input);
    for (let attempt = 1; ; attempt++) {
      const url = await endpoint;
      const signed = await (await signer).sign(
        {
          method: 'POST',
          protocol: url.protocol,
          hostname: url.hostname,
          port: url.port ? Number(url.port) : undefined,
          path: url.pathname,
          query: {},
          headers: { host: url.host, 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': `AmazonSQS.${action}` },
          body,
        },
        { signingDate: new Date(Date.now() + config.systemClockOffset) },
      );
      const response = await post(url, signed.headers, body, { agents, signal, silenceTimeoutMs });
      const parsed = parseJson(response.body);
      if (response.status >= 200 && response.status < 300) return parsed;
      const error = awsError(response, parsed);
      if (attempt > 1 || !correctClockSkew(client, error)) throw error;
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

function post(url: URL, headers: Record<string, string>, body: string, { agents, signal, silenceTimeoutMs }: LeanSqsCallOptions & { agents: HttpAgents }): Promise<RawResponse> {
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
