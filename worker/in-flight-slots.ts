/**
 * The per-flow cap on messages in flight. A poller takes slots before it receives (so
 * several pollers never overshoot the cap together), gives back what the receive did
 * not fill, and each message gives its slot back when its dispatch is settled.
 */
export interface InFlightSlots {
  /** Waits until at least one slot is free, then takes up to `wanted`. 0 when aborted. */
  acquire(wanted: number, signal: AbortSignal): Promise<number>;
  release(count: number): void;
  readonly used: number;
}

export function createInFlightSlots(capacity: number): InFlightSlots {
  let used = 0;
  const waiters = new Set<() => void>();

  const wakeAll = () => {
    for (const wake of waiters) wake();
    waiters.clear();
  };

  return {
    async acquire(wanted, signal) {
      while (used >= capacity && !signal.aborted) {
        await new Promise<void>((resolve) => {
          const wake = () => {
            signal.removeEventListener('abort', wake);
            waiters.delete(wake);
            resolve();
          };
          waiters.add(wake);
          signal.addEventListener('abort', wake, { once: true });
        });
      }
      if (signal.aborted) return 0;
      const taken = Math.min(wanted, capacity - used);
      used += taken;
      return taken;
    },
    release(count) {
      used = Math.max(0, used - count);
      if (count > 0) wakeAll();
    },
    get used() {
      return used;
    },
  };
}
