// A small time-to-live cache with one in-flight load per key: many callers asking for
// the same key within the TTL share one answer, and concurrent misses share one load.
// A load that rejects is not kept, so the next caller tries again.

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
  const entries = new Map<string, Entry<V>>();

  function evictExpired(at: number) {
    for (const [key, entry] of entries) if (entry.expiresAt <= at) entries.delete(key);
  }

  return {
    get(key, load) {
      const at = now();
      const cached = entries.get(key);
      if (cached && cached.expiresAt > at) return cached.value;
      if (entries.size >= maxEntries) evictExpired(at);
      // The TTL counts from when the load settles, so a slow read is not stale at once.
      const entry: Entry<V> = { value: load(), expiresAt: Number.POSITIVE_INFINITY };
      entries.set(key, entry);
      entry.value.then(
        () => (entry.expiresAt = now() + ttlMs),
        () => entries.get(key) === entry && entries.delete(key),
      );
      return entry.value;
    },
    delete(key) {
      entries.delete(key);
    },
  };
}
