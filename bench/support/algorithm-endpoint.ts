import http from 'node:http';

// The algorithm the benchmarks connect: a no-op HTTP endpoint that answers at once
// (or fails, or waits, when told to) and reports every call with its input.

export interface EndpointOptions {
  /** Called with the run's input (the SQS message body, parsed) as the call arrives. */
  onCall?(input: unknown): void;
  /** Share of first attempts (X-Run-Attempt 1) answered 500 (0..1); retries succeed. */
  firstAttemptFailureRate?: number;
  /** How long each call takes. */
  delayMs?: number;
}

export interface BenchEndpoint {
  url: string;
  /** Calls answered so far (any status). */
  calls(): number;
  close(): Promise<void>;
}

export async function startBenchEndpoint(options: EndpointOptions = {}): Promise<BenchEndpoint> {
  let calls = 0;
  const server = http.createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    request.on('end', () => {
      calls++;
      options.onCall?.(parse(raw));
      const fail = request.headers['x-run-attempt'] === '1' && Math.random() < (options.firstAttemptFailureRate ?? 0);
      const answer = () => {
        response.writeHead(fail ? 500 : 200, { 'content-type': 'application/json' });
        response.end(fail ? '{"error":"failing on purpose"}' : '{"ok":true}');
      };
      if (options.delayMs) setTimeout(answer, options.delayMs);
      else answer();
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/`,
    calls: () => calls,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function parse(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}
