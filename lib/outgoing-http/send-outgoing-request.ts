import http, { type IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import type { EgressPolicy } from './egress-policy';
import { addressRefusal } from './egress-policy';
import { guardedLookup, hostnameOf, isIpLiteral } from './guarded-lookup';
import { OutgoingHttpError } from './outgoing-http-error';

// The platform's one way to call a URL: algorithm endpoints (executor, synchronous API)
// and the worker's calls of the flow entry. Redirects are never followed, the address is
// checked on connect, connecting and the whole exchange are bounded in time, and the
// answer is read as a stream that stops at its size limit.

export interface OutgoingRequest {
  url: string;
  method?: 'POST' | 'GET' | 'PUT';
  headers: Record<string, string>;
  body?: string;
  policy: EgressPolicy;
  connectTimeoutMs: number;
  /** Bounds the whole exchange, reading the answer included. */
  timeoutMs: number;
  maxResponseBytes: number;
  signal?: AbortSignal;
}

export interface OutgoingResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

// Kept-alive connections, as fetch had them. A socket's address is checked when it
// connects, so sockets are pooled per policy: one opened under a wider policy (the
// worker's calls of the platform API) never carries a call that policy would refuse.
const agentsByPolicy = new Map<string, { 'http:': http.Agent; 'https:': https.Agent }>();

function agentsFor(policy: EgressPolicy) {
  const key = JSON.stringify([policy.allowLoopback, policy.allowedNetworks]);
  let agents = agentsByPolicy.get(key);
  if (!agents) {
    agents = { 'http:': new http.Agent({ keepAlive: true }), 'https:': new https.Agent({ keepAlive: true }) };
    agentsByPolicy.set(key, agents);
  }
  return agents;
}

export function sendOutgoingRequest(request: OutgoingRequest): Promise<OutgoingResponse> {
  const url = new URL(request.url);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return Promise.reject(new OutgoingHttpError('REFUSED_ADDRESS', `${url.protocol} URLs cannot be called`));
  }
  // An IP literal is connected to without a lookup: check it here.
  const hostname = hostnameOf(url);
  const literalRefusal = isIpLiteral(hostname) ? addressRefusal(hostname, hostname, request.policy) : null;
  if (literalRefusal) return Promise.reject(new OutgoingHttpError('REFUSED_ADDRESS', literalRefusal));

  return new Promise((resolve, reject) => {
    const timers: NodeJS.Timeout[] = [];
    const client = url.protocol === 'https:' ? https : http;
    const outgoing = client.request(url, {
      method: request.method ?? 'POST',
      headers: request.body === undefined ? request.headers : { ...request.headers, 'content-length': String(Buffer.byteLength(request.body)) },
      agent: agentsFor(request.policy)[url.protocol as 'http:' | 'https:'],
      lookup: guardedLookup(request.policy),
    });
    let settled = false;
    const settle = () => {
      settled = true;
      timers.forEach(clearTimeout);
      request.signal?.removeEventListener('abort', onAbort);
    };
    const fail = (error: OutgoingHttpError) => {
      if (settled) return;
      settle();
      reject(error);
      // Stops sending and reading at once; the endpoint sees the connection close.
      outgoing.destroy();
    };
    const onAbort = () => fail(new OutgoingHttpError('ABORTED', 'The request was abandoned'));
    request.signal?.addEventListener('abort', onAbort, { once: true });
    if (request.signal?.aborted) onAbort();
    timers.push(setTimeout(() => fail(new OutgoingHttpError('TIMEOUT', `No complete answer within ${request.timeoutMs} ms`)), request.timeoutMs));

    outgoing.on('socket', (socket) => {
      if (!socket.connecting) return;
      const timer = setTimeout(() => fail(new OutgoingHttpError('CONNECT_TIMEOUT', `Could not connect within ${request.connectTimeoutMs} ms`)), request.connectTimeoutMs);
      timers.push(timer);
      socket.once('connect', () => clearTimeout(timer));
    });
    outgoing.on('error', (error) => fail(error instanceof OutgoingHttpError ? error : new OutgoingHttpError('NETWORK', networkCauseOf(error), { cause: error })));
    outgoing.on('response', (response) => {
      const status = response.statusCode ?? 0;
      if (status >= 300 && status < 400) {
        const location = response.headers.location;
        const target = location ? new URL(location, url).toString() : '(no Location header)';
        return fail(new OutgoingHttpError('REDIRECT', `The endpoint answered HTTP ${status}, a redirect to ${target}; redirects are not followed`));
      }
      const tooLarge = () => new OutgoingHttpError('TOO_LARGE', `The answer is larger than ${request.maxResponseBytes.toLocaleString('en')} bytes (output too large)`);
      if (Number(response.headers['content-length'] ?? 0) > request.maxResponseBytes) return fail(tooLarge());
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > request.maxResponseBytes) return fail(tooLarge());
        chunks.push(chunk);
      });
      response.on('end', () => {
        if (settled) return;
        settle();
        resolve({ status, headers: response.headers, body: Buffer.concat(chunks) });
      });
      response.on('error', (error) => fail(new OutgoingHttpError('NETWORK', networkCauseOf(error), { cause: error })));
    });
    outgoing.end(request.body);
  });
}

/** A header's first value (node gives repeated headers as an array). */
export function firstHeader(value: string | string[] | undefined): string | null {
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

function networkCauseOf(error: Error): string {
  return (error as { code?: string }).code ?? error.message;
}
