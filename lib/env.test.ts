import { describe, expect, it } from 'vitest';
import { ConfigError, isLocalSqs, parseEnv } from './env';

describe('configuration', () => {
  it('has the documented defaults', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 3000, DATA_DIR: './.data', REQUEUE_DELAY_SECONDS: 300, AWS_REGION: 'us-east-1' });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('rejects a malformed DATABASE_URL with one readable line', () => {
    expect(() => parseEnv({ DATABASE_URL: 'not a url' })).toThrow(ConfigError);
    expect(() => parseEnv({ DATABASE_URL: 'mysql://x@y/z' })).toThrow(/DATABASE_URL must be a postgresql:\/\/ URL/);
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
});
