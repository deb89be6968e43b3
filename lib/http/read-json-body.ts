import { readLimitedBody } from './read-limited-body';

/** What the session-cookie JSON API reads at most from a request (a route may allow more). */
export const JSON_BODY_MAX_BYTES = 1024 * 1024;

/**
 * A request's JSON body, read within `maxBytes` (413 in plain words past it, refused
 * from Content-Length or while reading, before anything is parsed). Not JSON: a
 * SyntaxError, which the route wrapper answers 400. Every /api/v1 handler reads its body here.
 */
export async function readJsonBody(request: Request, maxBytes = JSON_BODY_MAX_BYTES): Promise<unknown> {
  const body = await readLimitedBody(request, maxBytes, 'The request body');
  return JSON.parse(body.toString('utf8'));
}
