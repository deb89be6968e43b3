/**
 * Lets waiting polls sleep until something they wait on changes (room, a refusal), a
 * timer runs out, or they are aborted — without one timer or listener left behind.
 */
export interface ChangeSignal {
  /** Wakes everyone waiting now. */
  notify(): void;
  /** Resolves on a change, after `ms`, or when `signal` aborts. */
  wait(ms: number, signal: AbortSignal): Promise<'changed' | 'timer'>;
}

export function createChangeSignal(): ChangeSignal {
  // Plain callbacks, not an AbortController: every poll that ends notifies, and aborting
  // builds a DOMException with its stack (~7% of an idle worker's CPU with 1,000 flows).
  const waiting = new Set<() => void>();
  return {
    notify() {
      if (waiting.size > 0) for (const wake of [...waiting]) wake();
    },
    wait: (ms, signal) =>
      new Promise((resolve) => {
        if (signal.aborted) return resolve('changed');
        const done = (why: 'changed' | 'timer') => {
          clearTimeout(timer);
          waiting.delete(onChange);
          signal.removeEventListener('abort', onChange);
          resolve(why);
        };
        const onChange = () => done('changed');
        const timer = setTimeout(() => done('timer'), ms);
        waiting.add(onChange);
        signal.addEventListener('abort', onChange, { once: true });
      }),
  };
}
