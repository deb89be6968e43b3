import { env, isLocalSqs } from '@/lib/env';

/** For the example algorithms the app serves in local mode: anywhere else they do not exist (404). */
export function localModeOnly(handler: (request: Request) => Promise<Response>) {
  return async (request: Request): Promise<Response> => {
    if (!isLocalSqs(env())) return Response.json({ error: { code: 'NOT_FOUND', message: 'Not found' } }, { status: 404 });
    return handler(request);
  };
}
