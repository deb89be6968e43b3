import { deriveKey } from '@/lib/auth/derived-keys';
import { workerApiToken } from '@/lib/auth/worker-token';

/**
 * The worker's environment from the web app's: the worker calls tenants' URLs, so it gets
 * only its own keys (its API token and the data-token key), never BETTER_AUTH_SECRET,
 * which also protects sessions.
 */
export function workerEnvOf(childEnv: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { BETTER_AUTH_SECRET: secret, ...rest } = childEnv;
  if (!secret) return rest;
  return { ...rest, WORKER_API_TOKEN: workerApiToken(secret), DATA_TOKEN_KEY: deriveKey(secret, 'data-tokens') };
}
