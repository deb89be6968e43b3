import { describe, expect, it } from 'vitest';
import { parseTrustedProxies, resolveClientIp } from './client-ip';

describe("a request's client address", () => {
  it('is the socket peer by default, whatever X-Forwarded-For says', () => {
    expect(resolveClientIp('203.0.113.7', '10.9.8.1', { hops: 0 })).toBe('203.0.113.7');
    expect(resolveClientIp('203.0.113.7', undefined, { hops: 0 })).toBe('203.0.113.7');
  });

  it('is what the nearest trusted proxy saw, N hops left of the peer', () => {
    // client → load balancer (appends 198.51.100.4) → web app; the client forged 10.9.8.1.
    expect(resolveClientIp('10.0.0.2', '10.9.8.1, 198.51.100.4', { hops: 1 })).toBe('198.51.100.4');
    expect(resolveClientIp('10.0.0.2', '10.9.8.1, 198.51.100.4, 10.0.0.9', { hops: 2 })).toBe('198.51.100.4');
  });

  it('stops at the leftmost entry when there are fewer hops than trusted proxies', () => {
    expect(resolveClientIp('10.0.0.2', '198.51.100.4', { hops: 3 })).toBe('198.51.100.4');
    expect(resolveClientIp('10.0.0.2', undefined, { hops: 1 })).toBe('10.0.0.2');
  });

  it('walks past the trusted proxies of an allow-list, and no further', () => {
    const proxies = parseTrustedProxies('10.0.0.0/8, 192.168.1.1');
    expect(resolveClientIp('10.0.0.2', '10.9.8.1, 198.51.100.4, 192.168.1.1', { proxies })).toBe('198.51.100.4');
    // A peer that is not a trusted proxy is the client: its header is its own invention.
    expect(resolveClientIp('203.0.113.7', '198.51.100.4', { proxies })).toBe('203.0.113.7');
  });

  it('normalises IPv4-mapped addresses and ports, and never takes a forged non-address', () => {
    expect(resolveClientIp('::ffff:203.0.113.7', undefined, { hops: 0 })).toBe('203.0.113.7');
    expect(resolveClientIp('10.0.0.2', '198.51.100.4:5123', { hops: 1 })).toBe('198.51.100.4');
    expect(resolveClientIp('10.0.0.2', '[2001:db8::1]:443', { hops: 1 })).toBe('2001:db8::1');
    expect(resolveClientIp('10.0.0.2', 'not-an-ip', { hops: 1 })).toBe('10.0.0.2');
  });

  it('refuses an unreadable TRUSTED_PROXIES entry', () => {
    expect(() => parseTrustedProxies('10.0.0.0/8, proxy.internal')).toThrow(/proxy.internal/);
  });
});
