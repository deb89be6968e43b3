import http from 'node:http';
import { trackRunning } from './running-resources';

export interface RoundRobinProxy {
  url: string;
  /** Requests each backend answered, by its URL. */
  answered: Map<string, number>;
  /** Sends every request to this backend only (or to all again with undefined), to show which one served what. */
  pin(backend: string | undefined): void;
  close(): Promise<void>;
}

const READY_POLL_MS = 200;

/**
 * The load balancer of the topology test, as an orchestrator's would behave: each request
 * goes to the next backend whose GET /api/health/ready answered 200 at the last poll, and
 * a request a backend refused to connect goes to the next one (nothing was sent). It adds
 * the client's address to X-Forwarded-For, as the one proxy hop the web app trusts.
 */
export async function startRoundRobinProxy(backends: string[]): Promise<RoundRobinProxy> {
  const ready = new Map(backends.map((backend) => [backend, false]));
  const answered = new Map(backends.map((backend) => [backend, 0]));
  let pinned: string | undefined;
  let next = 0;

  const poller = setInterval(() => {
    for (const backend of backends) {
      fetch(`${backend}/api/health/ready`, { signal: AbortSignal.timeout(2_000) }).then(
        (response) => ready.set(backend, response.ok),
        () => ready.set(backend, false),
      );
    }
  }, READY_POLL_MS);

  function choose(tried: Set<string>): string | undefined {
    if (pinned) return tried.has(pinned) ? undefined : pinned;
    const candidates = backends.filter((backend) => !tried.has(backend));
    const inRotation = candidates.filter((backend) => ready.get(backend));
    const pool = inRotation.length > 0 ? inRotation : candidates;
    if (pool.length === 0) return undefined;
    return pool[next++ % pool.length];
  }

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => forward(Buffer.concat(chunks), new Set()));

    function forward(body: Buffer, tried: Set<string>): void {
      const backend = choose(tried);
      if (!backend) {
        response.writeHead(502).end();
        return;
      }
      tried.add(backend);
      const target = new URL(request.url ?? '/', backend);
      const forwardedFor = [request.headers['x-forwarded-for'], request.socket.remoteAddress].filter(Boolean).join(', ');
      // One connection per request: a draining backend is left as soon as it says so.
      const { connection: _connection, 'keep-alive': _keepAlive, ...headers } = request.headers;
      const outgoing = http.request(target, { method: request.method, headers: { ...headers, host: target.host, 'x-forwarded-for': forwardedFor }, agent: false }, (answer) => {
        answered.set(backend, (answered.get(backend) ?? 0) + 1);
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      });
      outgoing.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'ECONNREFUSED' && !response.headersSent) return forward(body, tried);
        if (!response.headersSent) response.writeHead(502);
        response.end();
      });
      outgoing.end(body);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const close = () =>
    new Promise<void>((resolve) => {
      clearInterval(poller);
      server.closeAllConnections();
      server.close(() => resolve());
    });
  const closed = trackRunning(`round-robin proxy on port ${port}`, close);
  return {
    url: `http://127.0.0.1:${port}`,
    answered,
    pin(backend) {
      pinned = backend;
    },
    async close() {
      await close();
      closed();
    },
  };
}
