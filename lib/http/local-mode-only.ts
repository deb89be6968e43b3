import { env, isLocalSqs } from '@/lib/env';
import { errorResponse } from './json-route';

/**
 * For the example algorithms the app serves in local mode: anywhere else they do not
 * exist (404). An AppError a handler throws (a body over its limit) is answered as usual.
 */
export function localModeOnly(handler: (request: Request) => Promise<Response>) {
  return async (request: Request): Promise<Response> => {
    if (!isLocalSqs(env())) return Response.json({ error: { code: 'NOT_FOUND', message: 'Not found' } }, { status: 404 });
    try {
      return await handler(request);
    } catch (error) {
      return errorResponse(error);
    }
  };
}
