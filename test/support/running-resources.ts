// What the test helpers start (workers, executors, servers, processes), so that the leak
// guard (test/setup/leak-guard.ts) can fail a test that leaves one running. Plain module,
// no vitest: the benchmarks share some of these helpers.

interface Running {
  name: string;
  /** Stops it, for the guard to clean up after a leak. */
  stop(): Promise<unknown>;
}

const running = new Set<Running>();

/** Records a started resource; call the result once it has stopped. */
export function trackRunning(name: string, stop: () => Promise<unknown>): () => void {
  const entry = { name, stop };
  running.add(entry);
  return () => running.delete(entry);
}

/** What is running now (a snapshot, to compare before and after a test). */
export function runningNow(): ReadonlySet<Running> {
  return new Set(running);
}

/** Stops what was started since `before` and is still running; returns their names. */
export async function stopStartedSince(before: ReadonlySet<Running>): Promise<string[]> {
  const leaked = [...running].filter((entry) => !before.has(entry));
  for (const entry of leaked) {
    running.delete(entry);
    await entry.stop().catch(() => undefined);
  }
  return leaked.map((entry) => entry.name);
}
