import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { CLIENT_IP_HEADER, resolveClientIp, type ProxyTrust } from '@/lib/http/client-ip';
import type { Logger } from '@/lib/logger';
import type { Readiness } from './readiness';

export type RequestHandler = (request: http.IncomingMessage, response: http.ServerResponse) => Promise<void> | void;

export interface WebServerOptions {
  host: string;
  port: number;
  trust: ProxyTrust;
  handle: RequestHandler;
  /** What GET /api/health/ready reports while the process is not draining (web/readiness.ts). */
  readiness: () => Promise<Readiness>;
  logger: Logger;
}

export interface WebServer {
  port: number;
  /** Drains: 503 from /api/health/ready for `drainDelayMs`, then no new connections; requests in flight get `graceMs` to finish. */
  stop(timing: { drainDelayMs: number; graceMs: number }): Promise<void>;
}

/**
 * The web role's HTTP server in front of Next.js's request handler. It decides each
 * request's client address from the socket (and the trusted proxies' X-Forwarded-For)
 * and hands it on in CLIENT_IP_HEADER, replacing whatever a client sent under that name,
 * and it owns the connections, so that a SIGTERM loses no request in flight. It answers the
 * orchestrator's probes itself, ahead of the app: /api/health/live (the process serves) and
 * /api/health/ready (503 from SIGTERM on, so load balancers move away before it stops).
 */
export async function startWebServer({ host, port, trust, handle, readiness, logger }: WebServerOptions): Promise<WebServer> {
  let draining = false;
  const server = http.createServer((request, response) => {
    if (request.method === 'GET' && request.url === '/api/health/live') return answerJson(response, 200, { status: 'live' });
    if (request.method === 'GET' && request.url === '/api/health/ready') {
      if (draining) return answerJson(response, 503, { status: 'draining' });
      void readiness().then(({ ready, body }) => answerJson(response, ready ? 200 : 503, body));
      return;
    }
    const forwardedFor = request.headers['x-forwarded-for'];
    request.headers[CLIENT_IP_HEADER] = resolveClientIp(
      request.socket.remoteAddress ?? 'unknown',
      Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor,
      trust,
    );
    // A client on a kept-alive connection is sent elsewhere for its next request.
    if (draining) response.setHeader('connection', 'close');
    Promise.resolve(handle(request, response)).catch((error: unknown) => {
      logger.error({ err: error, url: request.url }, 'request failed');
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  return {
    port: (server.address() as { port: number }).port,
    async stop({ drainDelayMs, graceMs }) {
      draining = true;
      await sleep(drainDelayMs);
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Kept-alive connections without a request are closed by close(); the others end
      // with their response (connection: close), or are cut after the grace.
      const cut = sleep(graceMs).then(() => 'cut' as const);
      if ((await Promise.race([closed, cut])) === 'cut') {
        logger.warn({ graceMs }, 'requests still in flight after the grace; closing their connections');
        server.closeAllConnections();
        await closed;
      }
    },
  };
}

function answerJson(response: http.ServerResponse, status: number, body: object): void {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}
