import http from 'node:http';
import type { Registry } from 'prom-client';

export interface MetricsServer {
  port: number;
  close(): Promise<void>;
}

export interface WorkerProbes {
  /** GET /health: the worker's own view (leases renewed in time), with details. */
  health(): { healthy: boolean };
  /** GET /health/ready: leases renewing and the database answering (docs/operations.md). */
  ready(): Promise<{ ready: boolean } & Record<string, unknown>>;
}

/**
 * GET /health/live (the process answers), /health/ready and /health (200 or 503, with
 * details) and /metrics (Prometheus text format), on `host` (WORKER_METRICS_HOST,
 * 127.0.0.1 by default: the worker also calls tenants' endpoints, so its internals are not
 * offered to the network unless the operator says so).
 */
export async function startMetricsServer(address: { host: string; port: number }, registry: Registry, probes: WorkerProbes): Promise<MetricsServer> {
  const server = http.createServer((request, response) => {
    if (request.url === '/health/live') return answerJson(response, 200, { status: 'live' });
    if (request.url === '/health/ready') {
      void probes.ready().then(({ ready, ...details }) => answerJson(response, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', ...details }));
      return;
    }
    if (request.url === '/health') {
      const report = probes.health();
      return answerJson(response, report.healthy ? 200 : 503, { status: report.healthy ? 'ok' : 'unhealthy', ...report });
    }
    if (request.url === '/metrics') {
      registry.metrics().then(
        (text) => {
          response.writeHead(200, { 'content-type': registry.contentType });
          response.end(text);
        },
        () => {
          response.writeHead(500);
          response.end();
        },
      );
      return;
    }
    response.writeHead(404);
    response.end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(address.port, address.host, resolve);
  });
  return {
    port: (server.address() as { port: number }).port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function answerJson(response: http.ServerResponse, status: number, body: object): void {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}
