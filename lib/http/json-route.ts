import { NextResponse } from 'next/server';
import { z } from 'zod';
import { getSessionUser, type SessionUser } from '@/lib/auth/session';
import { AppError, HTTP_STATUS } from '@/lib/errors';
import { logger } from '@/lib/logger';
import { fieldErrorsOf } from '@/lib/validation/field-errors-of';
import { assertSameOrigin } from './assert-same-origin';
import type { ErrorBody } from './error-body';
import { JSON_BODY_MAX_BYTES } from './read-json-body';
import { assertDeclaredBodySize } from './read-limited-body';

type Params = Record<string, string | string[]>;
type Context<P extends Params> = { params: Promise<P> };

/** Maps anything thrown by a handler to one JSON error shape. */
export function errorResponse(error: unknown): NextResponse {
  if (error instanceof AppError) {
    const headers: Record<string, string> = {};
    if (error.retryAfterSeconds !== undefined) headers['retry-after'] = String(error.retryAfterSeconds);
    // The rest of a refused body is not worth reading: closing the connection stops it.
    if (error.code === 'PAYLOAD_TOO_LARGE') headers.connection = 'close';
    return NextResponse.json<ErrorBody>(
      { error: { code: error.code, message: error.message, fieldErrors: error.fieldErrors } },
      { status: HTTP_STATUS[error.code], headers },
    );
  }
  if (error instanceof z.ZodError) {
    return errorResponse(new AppError('BAD_REQUEST', 'Please correct the highlighted fields', fieldErrorsOf(error)));
  }
  if (error instanceof SyntaxError) return errorResponse(new AppError('BAD_REQUEST', 'The request body is not valid JSON'));
  logger.error({ err: error }, 'unhandled error in route');
  return NextResponse.json<ErrorBody>({ error: { code: 'INTERNAL', message: 'Something went wrong on our side' } }, { status: 500 });
}

/**
 * A JSON route for signed-in users: 401 without a session, AppErrors mapped to statuses.
 * The session is a cookie, so a mutation from another site is refused (403) first. A
 * body declared larger than the route's limit (`maxBodyBytes`, 1 MB unless the route needs
 * more) is refused before the session is looked up; the handler reads it with
 * readJsonBody and the same limit.
 */
export function userRoute<P extends Params = Params>(
  handler: (request: Request, user: SessionUser, params: P) => Promise<unknown>,
  { maxBodyBytes = JSON_BODY_MAX_BYTES }: { maxBodyBytes?: number } = {},
) {
  return async (request: Request, context: Context<P>): Promise<NextResponse> => {
    try {
      assertSameOrigin(request);
      assertDeclaredBodySize(request, maxBodyBytes, 'The request body');
      const user = await getSessionUser();
      if (!user) throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
      const result = await handler(request, user, await context.params);
      return result instanceof NextResponse ? result : NextResponse.json(result ?? { ok: true });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
