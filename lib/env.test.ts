import { describe, expect, it } from 'vitest';
import { ConfigError, isLocalSqs, parseEnv, proxyTrustOf } from './env';

describe('configuration', () => {
  it('has the documented defaults', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 3000, HOST: '127.0.0.1', DATA_DIR: './.data', REQUEUE_DELAY_SECONDS: 300, AWS_REGION: 'us-east-1' });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('has the worker\'s documented defaults', () => {
    expect(parseEnv({})).toMatchObject({
      WORKER_MAX_POLLERS_PER_FLOW: 4,
      WORKER_MAX_IN_FLIGHT_PER_FLOW: 40,
      WORKER_RECONCILE_INTERVAL_MS: 5_000,
      WORKER_LEASE_MS: 20_000,
      WORKER_COUNTER_FLUSH_MS: 2_000,
      WORKER_DISPATCH_TIMEOUT_MS: 10_000,
      WORKER_SHUTDOWN_GRACE_MS: 8_000,
      WORKER_MAX_BACKOFF_MS: 30_000,
      WORKER_RETENTION_SWEEP_MS: 60_000,
      WORKER_RETENTION_BATCH_SIZE: 1_000,
    });
  });

  it('keeps finished runs 30 days unless RUN_RETENTION_DAYS says otherwise, from an hour to 400 days', () => {
    expect(parseEnv({}).RUN_RETENTION_DAYS).toBe(30);
    expect(parseEnv({ RUN_RETENTION_DAYS: '0.5' }).RUN_RETENTION_DAYS).toBe(0.5);
    expect(() => parseEnv({ RUN_RETENTION_DAYS: '0.01' })).toThrow(/RUN_RETENTION_DAYS must be at least one hour/);
    expect(() => parseEnv({ RUN_RETENTION_DAYS: '401' })).toThrow(/RUN_RETENTION_DAYS/);
  });

  it('rejects a malformed DATABASE_URL with one readable line', () => {
    expect(() => parseEnv({ DATABASE_URL: 'not a url' })).toThrow(ConfigError);
    expect(() => parseEnv({ DATABASE_URL: 'mysql://x@y/z' })).toThrow(/DATABASE_URL must be a postgresql:\/\/ URL/);
  });

  it('believes no forwarding header unless told which proxies to trust', () => {
    expect(proxyTrustOf(parseEnv({}))).toEqual({ hops: 0 });
    expect(proxyTrustOf(parseEnv({ TRUSTED_PROXY_HOPS: '1' }))).toEqual({ hops: 1 });
    expect(proxyTrustOf(parseEnv({ TRUSTED_PROXIES: '10.0.0.0/8' }))).toHaveProperty('proxies');
    expect(() => parseEnv({ TRUSTED_PROXIES: 'lb.internal' })).toThrow(/TRUSTED_PROXIES must list IP addresses or CIDRs/);
    expect(() => parseEnv({ TRUSTED_PROXIES: '10.0.0.0/8', TRUSTED_PROXY_HOPS: '1' })).toThrow(/not both/);
  });

  it('rejects a port out of range', () => {
    expect(() => parseEnv({ PORT: '70000' })).toThrow(/PORT/);
  });

  it('treats an SQS endpoint on loopback as local mode', () => {
    expect(isLocalSqs({ AWS_ENDPOINT_URL_SQS: 'http://127.0.0.1:4566' })).toBe(true);
    expect(isLocalSqs({ AWS_ENDPOINT_URL_SQS: 'http://localhost:4566' })).toBe(true);
    expect(isLocalSqs({ AWS_ENDPOINT_URL_SQS: 'https://sqs.eu-west-1.amazonaws.com' })).toBe(false);
    expect(isLocalSqs({ AWS_ENDPOINT_URL_SQS: undefined })).toBe(false);
  });

  it('treats an SQS endpoint elsewhere as local mode only when LOCAL_MODE says so', () => {
    expect(isLocalSqs(parseEnv({ AWS_ENDPOINT_URL_SQS: 'http://sqs:4566' }))).toBe(false);
    expect(isLocalSqs(parseEnv({ AWS_ENDPOINT_URL_SQS: 'http://sqs:4566', LOCAL_MODE: '1' }))).toBe(true);
    expect(isLocalSqs(parseEnv({ LOCAL_MODE: '1' }))).toBe(false);
  });
});
