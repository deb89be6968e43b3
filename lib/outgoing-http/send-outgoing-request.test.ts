import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { EgressPolicy } from './egress-policy';
import { sendOutgoingRequest, type OutgoingRequest } from './send-outgoing-request';

const local: EgressPolicy = { allowLoopback: true, allowedNetworks: [] };
const servers: http.Server[] = [];

async function serve(handler: http.RequestListener): Promise<{ url: string; requests: string[] }> {
  const requests: string[] = [];
  const server = http.createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    handler(request, response);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

const send = (url: string, extra: Partial<OutgoingRequest> = {}) =>
  sendOutgoingRequest({ url, headers: {}, body: '{}', policy: local, connectTimeoutMs: 2_000, timeoutMs: 5_000, maxResponseBytes: 1024 * 1024, ...extra });

describe('an outgoing request', () => {
  it('never follows a redirect: it fails naming the target, which is never called', async () => {
    const target = await serve((_request, response) => response.end('secret'));
    const redirecting = await serve((_request, response) => response.writeHead(303, { location: `${target.url}/latest/meta-data` }).end());
    await expect(send(`${redirecting.url}/run`)).rejects.toMatchObject({ code: 'REDIRECT', message: expect.stringContaining(`${target.url}/latest/meta-data`) });
    expect(target.requests).toEqual([]);
  });

  it('stops reading an answer past its size limit', async () => {
    let written = 0;
    const endpoint = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = Buffer.alloc(64 * 1024, 'x');
      const more = () => {
        while (written < 50 * 1024 * 1024) {
          written += chunk.length;
          if (!response.write(chunk)) return response.once('drain', more);
        }
        response.end();
      };
      response.on('close', () => response.destroy());
      more();
    });
    await expect(send(endpoint.url)).rejects.toMatchObject({ code: 'TOO_LARGE', message: expect.stringContaining('output too large') });
    expect(written).toBeLessThan(10 * 1024 * 1024);
  });

  it('refuses a declared Content-Length over the limit without reading it', async () => {
    const endpoint = await serve((_request, response) => response.writeHead(200, { 'content-length': String(2 * 1024 * 1024) }).end(Buffer.alloc(2 * 1024 * 1024)));
    await expect(send(endpoint.url)).rejects.toMatchObject({ code: 'TOO_LARGE' });
  });

  it('checks the address a host name resolved to before connecting', async () => {
    const endpoint = await serve((_request, response) => response.end('{}'));
    const { port } = new URL(endpoint.url);
    await expect(send(`http://localhost:${port}/`, { policy: { allowLoopback: false, allowedNetworks: [] } })).rejects.toMatchObject({
      code: 'REFUSED_ADDRESS',
      message: expect.stringMatching(/^localhost resolves to .*loopback/),
    });
    expect(endpoint.requests).toEqual([]);
    await expect(send(`http://localhost:${port}/`)).resolves.toMatchObject({ status: 200 });
  });

  it('never reuses a kept-alive connection for a call its policy would refuse', async () => {
    const endpoint = await serve((_request, response) => response.end('{}'));
    const { port } = new URL(endpoint.url);
    // Opened, and kept alive, under a policy that allows loopback (as the worker's calls of the platform API are)…
    await expect(send(`http://localhost:${port}/`)).resolves.toMatchObject({ status: 200 });
    // …it must not carry a call whose policy refuses loopback.
    await expect(send(`http://localhost:${port}/again`, { policy: { allowLoopback: false, allowedNetworks: [] } })).rejects.toMatchObject({ code: 'REFUSED_ADDRESS' });
    expect(endpoint.requests).toEqual(['POST /']);
  });

  it('refuses an IP literal without connecting', async () => {
    await expect(send('http://169.254.169.254/latest/meta-data/')).rejects.toMatchObject({ code: 'REFUSED_ADDRESS' });
  });

  it('gives up when the whole exchange takes longer than its timeout', async () => {
    const endpoint = await serve(() => undefined);
    await expect(send(endpoint.url, { timeoutMs: 200 })).rejects.toMatchObject({ code: 'TIMEOUT' });
  });

  it('answers with the status, headers and body', async () => {
    const endpoint = await serve((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => response.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ got: body })));
    });
    const answer = await send(endpoint.url, { body: '{"a":1}' });
    expect(answer.status).toBe(201);
    expect(JSON.parse(answer.body.toString())).toEqual({ got: '{"a":1}' });
  });
});
