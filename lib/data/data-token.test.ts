import { describe, expect, it } from 'vitest';
import { createDataToken, DATA_TOKEN_PREFIX, verifyDataToken } from './data-token';

const SECRET = 'a-secret-that-is-long-enough-for-hmac-use';
const inAMinute = () => new Date(Date.now() + 60_000);

describe('algorithm data tokens', () => {
  it('carry their owner until they expire', () => {
    const token = createDataToken(SECRET, 'user-1', inAMinute());
    expect(token.startsWith(DATA_TOKEN_PREFIX)).toBe(true);
    expect(verifyDataToken(SECRET, token)).toBe('user-1');
    expect(verifyDataToken(SECRET, token, new Date(Date.now() + 61_000))).toBeNull();
  });

  it('are refused when signed with another secret or altered', () => {
    const token = createDataToken(SECRET, 'user-1', inAMinute());
    expect(verifyDataToken(`${SECRET}-other`, token)).toBeNull();
    const [payload, signature] = token.slice(DATA_TOKEN_PREFIX.length).split('.');
    const forged = Buffer.from(JSON.stringify({ sub: 'user-2', exp: 9_999_999_999 })).toString('base64url');
    expect(verifyDataToken(SECRET, `${DATA_TOKEN_PREFIX}${forged}.${signature}`)).toBeNull();
    expect(verifyDataToken(SECRET, `${DATA_TOKEN_PREFIX}${payload}`)).toBeNull();
    expect(verifyDataToken(SECRET, 'ef_an-api-key')).toBeNull();
  });
});
