import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { accessKeyOf } from './sts-stand-in';

// The SQS emulator does not check signatures, so a test that asserts which credentials
// signed the worker's SQS requests puts this proxy in front of it and reads the access
// key from each request's Authorization header. Given `refuse`, it also answers
// AccessDenied where IAM would (e.g. a role without sqs:SendMessage on a destination),
// which the emulator cannot: it checks no permission.

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

export interface ProxyOptions {
  /** Where it listens (127.0.0.2: an endpoint that is not local mode). */
  host?: string;
  /** True for a request IAM would refuse: it is answered AccessDenied and never reaches the emulator. */
  refuse?(request: { action: string; accessKeyId: string | undefined; queueUrl: string | undefined }): boolean;
  /** The emulator's URL of a queue the request names by its AWS URL (the emulator knows queues by its own URLs). */
  emulatorQueueUrl?(queueUrl: string): string;
}

export async function startRecordingSqsProxy(sqsEndpoint: string, { host = '127.0.0.1', refuse, emulatorQueueUrl }: ProxyOptions = {}): Promise<RecordingSqsProxy> {
  const target = new URL(sqsEndpoint);
  const requests: RecordedSqsRequest[] = [];
  const server = http.createServer(async (request, response) => {
    const action = String(request.headers['x-amz-target'] ?? '').replace('AmazonSQS.', '');
    const accessKeyId = accessKeyOf(request.headers.authorization);
    requests.push({ action, accessKeyId, at: Date.now() });
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    let body = Buffer.concat(chunks);
    if (refuse || emulatorQueueUrl) {
      const json = JSON.parse(body.toString('utf8') || '{}') as { QueueUrl?: string };
      const queueUrl = json.QueueUrl;
      if (queueUrl && emulatorQueueUrl) body = Buffer.from(JSON.stringify({ ...json, QueueUrl: emulatorQueueUrl(queueUrl) }));
      if (refuse?.({ action, accessKeyId, queueUrl })) {
        response.writeHead(400, { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-query-error': 'AccessDenied;Sender' });
        response.end(JSON.stringify({ __type: 'com.amazon.coral.service#AccessDeniedException', message: `not authorized to perform: sqs:${action} on resource: ${queueUrl}` }));
        return;
      }
    }
    const forwarded = http.request(
      { host: target.hostname, port: target.port, method: request.method, path: request.url, headers: { ...request.headers, 'content-length': String(body.length) } },
      (upstream) => {
        response.writeHead(upstream.statusCode ?? 502, upstream.headers);
        upstream.pipe(response);
      },
    );
    forwarded.on('error', () => response.destroy());
    response.on('close', () => forwarded.destroy());
    forwarded.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
