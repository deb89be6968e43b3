import { describe, expect, it } from 'vitest';
import { createTtlCache } from './ttl-cache';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('createTtlCache', () => {
  it('answers from the cache within the TTL and loads again after it', async () => {
    let clock = 0;
    let loads = 0;
    const cache = createTtlCache<number>({ ttlMs: 5_000, now: () => clock });
    const load = async () => ++loads;
    expect(await cache.get('q', load)).toBe(1);
    clock = 4_999;
    expect(await cache.get('q', load)).toBe(1);
    clock = 5_000;
    expect(await cache.get('q', load)).toBe(2);
  });

  it('shares one in-flight load between concurrent callers of a key', async () => {
    const cache = createTtlCache<string>({ ttlMs: 1_000 });
    const pending = deferred<string>();
    let loads = 0;
    const load = () => (loads++, pending.promise);
    const answers = Promise.all([cache.get('q', load), cache.get('q', load), cache.get('q', load)]);
    pending.resolve('attributes');
    expect(await answers).toEqual(['attributes', 'attributes', 'attributes']);
    expect(loads).toBe(1);
  });

  it('keeps keys apart', async () => {
    const cache = createTtlCache<string>({ ttlMs: 1_000 });
    expect(await cache.get('a', async () => 'A')).toBe('A');
    expect(await cache.get('b', async () => 'B')).toBe('B');
  });

  it('does not keep a failed load', async () => {
    const cache = createTtlCache<string>({ ttlMs: 60_000 });
    await expect(cache.get('q', () => Promise.reject(new Error('throttled')))).rejects.toThrow('throttled');
    expect(await cache.get('q', async () => 'ok')).toBe('ok');
  });

  it('forgets a key on delete', async () => {
    const cache = createTtlCache<number>({ ttlMs: 60_000 });
    await cache.get('q', async () => 1);
    cache.delete('q');
    expect(await cache.get('q', async () => 2)).toBe(2);
  });

  it('drops expired entries when full', async () => {
    let clock = 0;
    const cache = createTtlCache<number>({ ttlMs: 10, maxEntries: 2, now: () => clock });
    await cache.get('a', async () => 1);
    await cache.get('b', async () => 2);
    clock = 20;
    await cache.get('c', async () => 3);
    clock = 25;
    // 'a' expired and was dropped; 'c' is still fresh.
    expect(await cache.get('c', async () => 30)).toBe(3);
    expect(await cache.get('a', async () => 10)).toBe(10);
  });

  it('stays bounded with fresh entries too: the least recently used goes', async () => {
    const cache = createTtlCache<number>({ ttlMs: 60_000, maxEntries: 2 });
    await cache.get('a', async () => 1);
    await cache.get('b', async () => 2);
    await cache.get('a', async () => 10);
    await cache.get('c', async () => 3);
    expect(await cache.get('a', async () => 100)).toBe(1);
    expect(await cache.get('b', async () => 20)).toBe(20);
  });
});
