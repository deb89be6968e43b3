import { toNextJsHandler } from 'better-auth/next-js';
import { auth } from '@/lib/auth/auth';
import { clientIpOf } from '@/lib/http/client-ip';
import { errorResponse } from '@/lib/http/json-route';
import { withLimitedBody } from '@/lib/http/with-limited-body';
import { logger } from '@/lib/logger';

export const dynamic = 'force-dynamic';

// Sign-up, sign-in and the rest take a few short fields, and anyone may send them without
// a session: better-auth only ever sees a body read within this limit.
const AUTH_BODY_MAX_BYTES = 64 * 1024;

export async function GET(request: Request) {
  return toNextJsHandler(auth()).GET(request);
}

export async function POST(request: Request) {
  try {
    const response = await toNextJsHandler(auth()).POST(await withLimitedBody(request, AUTH_BODY_MAX_BYTES, 'The request body'));
    // Someone guessing passwords or signing up in bulk: the operator sees from where.
    if (response.status === 429) logger.warn({ clientIp: clientIpOf(request), path: new URL(request.url).pathname }, 'auth attempts limited');
    return response;
  } catch (error) {
    return errorResponse(error);
  }
}
