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
  let changed = new AbortController();
  return {
    notify() {
      changed.abort();
      changed = new AbortController();
    },
    wait: (ms, signal) =>
      new Promise((resolve) => {
        const current = changed.signal;
        const done = (why: 'changed' | 'timer') => {
          clearTimeout(timer);
          current.removeEventListener('abort', onChange);
          signal.removeEventListener('abort', onChange);
          resolve(why);
        };
        const onChange = () => done('changed');
        if (signal.aborted) return resolve('changed');
        const timer = setTimeout(() => done('timer'), ms);
        current.addEventListener('abort', onChange, { once: true });
        signal.addEventListener('abort', onChange, { once: true });
      }),
  };
}
