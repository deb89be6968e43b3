/**
 * Groups calls into batches: while one batch is being handled, the calls that arrive
 * meanwhile wait and go together in the next, so a busy path makes one round trip for
 * many calls and an idle one handles each at once (no timer delays anything). `handle`
 * answers each item of a batch, in order; when it throws, every call of that batch fails.
 */
export function batchWhileBusy<T, R>(handle: (items: T[]) => Promise<R[]>, maxBatch: number): (item: T) => Promise<R> {
  const waiting: Array<{ item: T; resolve(result: R): void; reject(error: unknown): void }> = [];
  let busy = false;
  async function drain() {
    busy = true;
    while (waiting.length) {
      const batch = waiting.splice(0, maxBatch);
      try {
        const results = await handle(batch.map((call) => call.item));
        batch.forEach((call, index) => call.resolve(results[index]!));
      } catch (error) {
        for (const call of batch) call.reject(error);
      }
    }
    busy = false;
  }
  return (item) =>
    new Promise<R>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      if (!busy) void drain();
    });
}
