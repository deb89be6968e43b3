import { describe, expect, it } from 'vitest';
import { deriveKey } from '@/lib/auth/derived-keys';
import { workerApiToken } from '@/lib/auth/worker-token';
import { workerEnvOf } from './worker-env';

describe('the worker’s environment under npm start', () => {
  it('carries the worker’s two derived keys instead of the auth secret', () => {
    const secret = 'a-secret-that-is-long-enough-for-tests-1234';
    const env = workerEnvOf({ NODE_ENV: 'production', DATABASE_URL: 'postgresql://u@h/db', BETTER_AUTH_SECRET: secret });
    expect(env).toEqual({ NODE_ENV: 'production', DATABASE_URL: 'postgresql://u@h/db', WORKER_API_TOKEN: workerApiToken(secret), DATA_TOKEN_KEY: deriveKey(secret, 'data-tokens') });
    expect(Object.values(env).join()).not.toContain(secret);
  });
});
