import { describe, expect, it } from 'vitest';
import { ConfigError, parseEnv } from '@/lib/env';
import { workerApiToken } from '@/lib/auth/worker-token';
import { workerConfig } from './config';

const base = { DATABASE_URL: 'postgresql://u:p@localhost:5432/db', BETTER_AUTH_SECRET: 'a-secret-that-is-long-enough-for-tests-1234' };

describe('worker configuration', () => {
  it('calls the algorithm API at PLATFORM_API_URL, else APP_URL, else the local web app', () => {
    expect(workerConfig(parseEnv({ ...base, PORT: '3100' })).platformApiUrl).toBe('http://localhost:3100');
    expect(workerConfig(parseEnv({ ...base, APP_URL: 'https://flows.example' })).platformApiUrl).toBe('https://flows.example');
    expect(workerConfig(parseEnv({ ...base, APP_URL: 'https://flows.example', PLATFORM_API_URL: 'http://api.internal:8080' })).platformApiUrl).toBe(
      'http://api.internal:8080',
    );
  });

  it('serves its metrics on 127.0.0.1 unless WORKER_METRICS_HOST says otherwise', () => {
    expect(workerConfig(parseEnv(base)).metrics).toEqual({ host: '127.0.0.1', port: 9464 });
    expect(workerConfig(parseEnv({ ...base, WORKER_METRICS_HOST: '0.0.0.0', WORKER_METRICS_PORT: '9100' })).metrics).toEqual({ host: '0.0.0.0', port: 9100 });
  });

  it('signs its calls with the worker token derived from the auth secret, or the one it is given instead of the secret', () => {
    expect(workerConfig(parseEnv(base)).workerToken).toBe(workerApiToken(base.BETTER_AUTH_SECRET));
    expect(workerApiToken(base.BETTER_AUTH_SECRET)).not.toContain(base.BETTER_AUTH_SECRET);
    const token = workerApiToken(base.BETTER_AUTH_SECRET);
    expect(workerConfig(parseEnv({ DATABASE_URL: base.DATABASE_URL, WORKER_API_TOKEN: token })).workerToken).toBe(token);
  });

  it('refuses to start without a database, without the auth secret, or with leases shorter than two heartbeats', () => {
    expect(() => workerConfig(parseEnv({ ...base, DATABASE_URL: '' }))).toThrow(ConfigError);
    expect(() => workerConfig(parseEnv({ ...base, BETTER_AUTH_SECRET: '' }))).toThrow(/WORKER_API_TOKEN nor BETTER_AUTH_SECRET/);
    expect(() => workerConfig(parseEnv({ ...base, WORKER_RECONCILE_INTERVAL_MS: '10000', WORKER_LEASE_MS: '15000' }))).toThrow(/WORKER_LEASE_MS/);
  });
});
