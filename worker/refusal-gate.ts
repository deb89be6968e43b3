import { createChangeSignal } from './change-signal';

/**
 * Polls only while the flow can run. The flow entry refuses the messages of a flow that
 * cannot run (404: no version to run, or the flow paused or gone) with the reason. Receiving
 * more of them would only walk them to the DLQ (every receive counts toward Maximum
 * Receives, and they come back each visibility timeout), so polls stop and the messages wait
 * in SQS, visible, until the flow can run again: the database is read again every
 * `recheckMs`, and at once when the flow changes (a NOTIFY: a version published or deleted,
 * the connection edited). It is also read before the first poll and on every such change
 * while polling, so a flow whose version is deleted says so without waiting for a message.
 */
export interface RefusalGate {
  /** Resolves true when the flow can run, false when `signal` aborts first. */
  waitUntilRunnable(signal: AbortSignal): Promise<boolean>;
  /** The flow entry refused the flow's messages, saying why. */
  refused(reason: string): void;
  /** The flow entry accepted a message: the flow runs. */
  accepted(): void;
  /** The flow changed: read whether it can run now. */
  recheck(): void;
  /** Why the flow cannot run, or null while it can (as far as known). */
  refusal(): string | null;
}

export interface RefusalGateOptions {
  /** Why the flow cannot run now, or null when it can (read from the database). */
  probe(): Promise<string | null>;
  /** The flow stopped (a reason) or started again (null) being able to run. */
  onChange(reason: string | null): void;
  /** While refused and not told of a change, how often the database is read again. */
  recheckMs: number;
}

export function createRefusalGate(options: RefusalGateOptions): RefusalGate {
  let reason: string | null = null;
  // Until the first probe answers (or the flow entry does), whether the flow can run is unknown.
  let known = false;
  // A refused flow reads its state again when this is set (the recheck timer, or a change).
  let due = false;
  let probing: Promise<void> | undefined;
  const changes = createChangeSignal();

  const set = (next: string | null) => {
    known = true;
    if (next === reason) return;
    reason = next;
    options.onChange(next);
    changes.notify();
  };
  // A failed read changes nothing, except that a flow never read yet polls: the flow entry
  // has the last word on every batch anyway.
  const readState = () =>
    options.probe().then(set, () => {
      if (!known) set(null);
    });
  // One read at a time; `fresh` reads again after the one in progress, which may have
  // started before the change it is told of.
  const probe = (fresh = false): Promise<void> => {
    if (probing && !fresh) return probing;
    const next: Promise<void> = (probing ?? Promise.resolve()).then(readState).finally(() => {
      if (probing === next) probing = undefined;
    });
    probing = next;
    return next;
  };

  return {
    async waitUntilRunnable(signal) {
      while (!signal.aborted) {
        if (known && reason === null) return true;
        if (!known || due) {
          due = false;
          await probe();
          continue;
        }
        if ((await changes.wait(options.recheckMs, signal)) === 'timer') due = true;
      }
      return false;
    },
    refused(why) {
      // The first read again waits a recheck: the flow entry has just answered.
      due = false;
      set(why);
    },
    accepted: () => set(null),
    recheck() {
      void probe(true);
      due = true;
      changes.notify();
    },
    refusal: () => reason,
  };
}
