import { LRUCache } from 'lru-cache';

// A small time-to-live cache with one in-flight load per key: many callers asking for
// the same key within the TTL share one answer, and concurrent misses share one load.
// A load that rejects is not kept, so the next caller tries again. Bounded: past
// maxEntries the least recently used entry goes (lru-cache).

export interface TtlCache<V> {
  get(key: string, load: () => Promise<V>): Promise<V>;
  delete(key: string): void;
}

interface Entry<V> {
  value: Promise<V>;
  expiresAt: number;
}

export function createTtlCache<V>(options: { ttlMs: number; maxEntries?: number; now?: () => number }): TtlCache<V> {
  const { ttlMs, maxEntries = 10_000, now = Date.now } = options;
  const entries = new LRUCache<string, Entry<V>>({ max: maxEntries });

  return {
    get(key, load) {
      const cached = entries.get(key);
      if (cached && cached.expiresAt > now()) return cached.value;
      // The TTL counts from when the load settles, so a slow read is not stale at once.
      const entry: Entry<V> = { value: load(), expiresAt: Number.POSITIVE_INFINITY };
      entries.set(key, entry);
      entry.value.then(
        () => (entry.expiresAt = now() + ttlMs),
        () => entries.peek(key) === entry && entries.delete(key),
      );
      return entry.value;
    },
    delete(key) {
      entries.delete(key);
    },
  };
}
