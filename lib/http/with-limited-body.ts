import { readLimitedBody } from './read-limited-body';

/**
 * The same request with its body already read within `maxBytes` (413 past it), for
 * handlers that read the body themselves (better-auth, the example algorithms): whatever
 * they do with it, they never see more than the limit.
 */
export async function withLimitedBody(request: Request, maxBytes: number, what: string): Promise<Request> {
  if (request.method === 'GET' || request.method === 'HEAD') return request;
  const body = await readLimitedBody(request, maxBytes, what);
  return new Request(request.url, { method: request.method, headers: request.headers, body: new Uint8Array(body), signal: request.signal });
}
