import http from 'node:http';
import { Registry, collectDefaultMetrics } from 'prom-client';

export interface MetricsServer {
  registry: Registry;
  close(): Promise<void>;
}

/** GET /health and GET /metrics (Prometheus text format) on the given port. */
export async function startMetricsServer(port: number, isHealthy: () => boolean): Promise<MetricsServer> {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const server = http.createServer((request, response) => {
    if (request.url === '/health') {
      const healthy = isHealthy();
      response.writeHead(healthy ? 200 : 503, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ status: healthy ? 'ok' : 'unhealthy' }));
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
    server.listen(port, resolve);
  });
  return {
    registry,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
