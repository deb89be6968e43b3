import { createChangeSignal } from './change-signal';

/**
 * Back-pressure before ReceiveMessage: a flow's pollers never receive more messages
 * than the platform would admit for it. Its room comes from each answer of the flow
 * entry (and from a probe when unknown); the messages received but not yet answered
 * are held against it. With no room (a full backlog, or after a 429) polls wait until
 * the platform's Retry-After, or until runs moving (a NOTIFY) make room sooner, so a
 * saturated platform burns no receive counts.
 */
export interface AdmissionGate {
  /** Waits while the flow has no room, then takes up to `wanted` places. 0 when aborted. */
  reserve(wanted: number, signal: AbortSignal): Promise<number>;
  /** Gives back places a receive did not fill. */
  release(count: number): void;
  /** A dispatch of `count` messages was answered, with the room the platform reported, if any. */
  answered(count: number, answer: { room?: number; retryAfterMs?: number }): void;
  /** Room may have freed: waiting polls check again. */
  wake(): void;
}

export interface AdmissionGateOptions {
  /** The flow's room as the platform counts it now. */
  probe(): Promise<number>;
  /** Polling stopped (true) or resumed (false) for want of room. */
  onWaiting(waiting: boolean): void;
  /** While waiting and not woken, how often the room is probed again. */
  recheckMs: number;
}

export function createAdmissionGate(options: AdmissionGateOptions): AdmissionGate {
  let room: number | undefined;
  // Places taken by receives and dispatches not answered yet.
  let held = 0;
  // Room is re-read (probed) when unknown, after a wake, and at each recheck while waiting.
  let stale = true;
  let retryAt = 0;
  let waiting = false;
  const changes = createChangeSignal();

  const setWaiting = (value: boolean) => {
    if (value === waiting) return;
    waiting = value;
    options.onWaiting(value);
  };

  return {
    async reserve(wanted, signal) {
      while (!signal.aborted) {
        if (stale && Date.now() >= retryAt) {
          stale = false;
          room = await options.probe().catch(() => room ?? 0);
        }
        const free = (room ?? 0) - held;
        if (free > 0) {
          setWaiting(false);
          const taken = Math.min(wanted, free);
          held += taken;
          return taken;
        }
        // With dispatches out, their answers will report the room; otherwise nothing moves until a wake or a recheck.
        if (held === 0) setWaiting(true);
        const untilRetry = retryAt - Date.now();
        const why = await changes.wait(untilRetry > 0 ? untilRetry : options.recheckMs, signal);
        if (why === 'timer' && held === 0) stale = true;
      }
      return 0;
    },
    release(count) {
      held = Math.max(0, held - count);
      if (count > 0) changes.notify();
    },
    answered(count, answer) {
      held = Math.max(0, held - count);
      if (answer.room !== undefined) room = answer.room;
      if (answer.retryAfterMs !== undefined) {
        room = 0;
        retryAt = Date.now() + answer.retryAfterMs;
      }
      changes.notify();
    },
    wake() {
      // Runs moved: a flow waiting for room reads it again now, Retry-After or not. A flow
      // with room ignores it, so a busy executor's NOTIFYs cost the polling flows nothing.
      if (!waiting) return;
      stale = true;
      retryAt = 0;
      changes.notify();
    },
  };
}
