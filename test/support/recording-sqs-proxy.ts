import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { accessKeyOf } from './sts-stand-in';

// The SQS emulator does not check signatures, so a test that asserts which credentials
// signed the worker's SQS requests puts this proxy in front of it and reads the access
// key from each request's Authorization header.

export interface RecordedSqsRequest {
  action: string;
  accessKeyId: string | undefined;
  at: number;
}

export interface RecordingSqsProxy {
  url: string;
  requests: RecordedSqsRequest[];
  close(): Promise<void>;
}

export async function startRecordingSqsProxy(sqsEndpoint: string): Promise<RecordingSqsProxy> {
  const target = new URL(sqsEndpoint);
  const requests: RecordedSqsRequest[] = [];
  const server = http.createServer((request, response) => {
    requests.push({
      action: String(request.headers['x-amz-target'] ?? '').replace('AmazonSQS.', ''),
      accessKeyId: accessKeyOf(request.headers.authorization),
      at: Date.now(),
    });
    const forwarded = http.request(
      { host: target.hostname, port: target.port, method: request.method, path: request.url, headers: request.headers },
      (upstream) => {
        response.writeHead(upstream.statusCode ?? 502, upstream.headers);
        upstream.pipe(response);
      },
    );
    forwarded.on('error', () => response.destroy());
    response.on('close', () => forwarded.destroy());
    request.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
