import { describe, expect, it } from 'vitest';
import { deriveKey } from './derived-keys';

describe('keys derived from the auth secret', () => {
  it('are one per purpose, stable, and unlike the secret', () => {
    const secret = 'a-secret-that-is-long-enough-for-tests-1234';
    const keys = (['sessions', 'data-tokens', 'worker-token'] as const).map((purpose) => deriveKey(secret, purpose));
    expect(new Set(keys).size).toBe(3);
    expect(keys.every((key) => key.length === 43 && !key.includes(secret))).toBe(true);
    expect(deriveKey(secret, 'sessions')).toBe(keys[0]);
    expect(deriveKey(`${secret}-rotated`, 'sessions')).not.toBe(keys[0]);
  });
});
