import http from 'node:http';
import type { Registry } from 'prom-client';

export interface MetricsServer {
  port: number;
  close(): Promise<void>;
}

/**
 * GET /health (200 or 503, with details) and GET /metrics (Prometheus text format), on
 * `host` (WORKER_METRICS_HOST, 127.0.0.1 by default: the worker also calls tenants'
 * endpoints, so its internals are not offered to the network unless the operator says so).
 */
export async function startMetricsServer(address: { host: string; port: number }, registry: Registry, health: () => { healthy: boolean }): Promise<MetricsServer> {
  const server = http.createServer((request, response) => {
    if (request.url === '/health') {
      const report = health();
      response.writeHead(report.healthy ? 200 : 503, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ status: report.healthy ? 'ok' : 'unhealthy', ...report }));
      return;
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
