import http, { type IncomingHttpHeaders } from 'node:http';
import { trackRunning } from './running-resources';

// A stand-in for a user's algorithm: a real HTTP server the platform POSTs runs to.

export interface ReceivedCall {
  headers: IncomingHttpHeaders;
  body: unknown;
  /** When it arrived (Date.now()). */
  at: number;
}

export interface EndpointAnswer {
  status?: number;
  /** Sent as JSON, or as text/plain when it is a string and `text` is set. */
  body: unknown;
  text?: boolean;
  headers?: Record<string, string>;
}

export interface AlgorithmEndpoint {
  url: string;
  calls: ReceivedCall[];
  close(): Promise<void>;
}

const echo = (call: ReceivedCall): EndpointAnswer => ({ body: call.body });

export async function startAlgorithmEndpoint(answer: (call: ReceivedCall) => EndpointAnswer | Promise<EndpointAnswer> = echo): Promise<AlgorithmEndpoint> {
  const calls: ReceivedCall[] = [];
  const server = http.createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    request.on('end', async () => {
      const call = { headers: request.headers, body: JSON.parse(raw) as unknown, at: Date.now() };
      calls.push(call);
      const { status = 200, body, text, headers } = await answer(call);
      if (response.destroyed) return;
      response.writeHead(status, { 'content-type': text ? 'text/plain' : 'application/json', ...headers });
      response.end(text ? String(body) : JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  const closed = trackRunning(`algorithm endpoint on port ${port}`, close);
  return {
    url: `http://127.0.0.1:${port}/`,
    calls,
    async close() {
      await close();
      closed();
    },
  };
}
