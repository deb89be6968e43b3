import { describe, expect, it } from 'vitest';
import { createRefusalGate } from './refusal-gate';

/** A gate whose probe answers the given states in turn (then the last one again). */
function gateReading(states: Array<string | null | Error>, recheckMs = 60_000) {
  const changes: Array<string | null> = [];
  let probes = 0;
  const gate = createRefusalGate({
    probe: async () => {
      const state = states[Math.min(probes++, states.length - 1)]!;
      if (state instanceof Error) throw state;
      return state;
    },
    onChange: (reason) => changes.push(reason),
    recheckMs,
  });
  return { gate, changes, probes: () => probes };
}

const never = new AbortController().signal;
const NO_VERSION = 'The algorithm has no published version';

describe('the refusal gate', () => {
  it('reads the flow before the first poll and lets a runnable flow poll without a status change', async () => {
    const { gate, changes, probes } = gateReading([null]);
    expect(await gate.waitUntilRunnable(never)).toBe(true);
    expect(await gate.waitUntilRunnable(never)).toBe(true);
    expect(probes()).toBe(1);
    expect(changes).toEqual([]);
  });

  it('holds polls while the flow cannot run, says why, and lets them go once a change makes it runnable', async () => {
    const { gate, changes } = gateReading([NO_VERSION, null]);
    let polled = false;
    const waiting = gate.waitUntilRunnable(never).then(() => (polled = true));
    await expect.poll(() => changes).toEqual([NO_VERSION]);
    expect(gate.refusal()).toBe(NO_VERSION);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(polled).toBe(false);
    gate.recheck();
    await waiting;
    expect(changes).toEqual([NO_VERSION, null]);
  });

  it('stops a polling flow when the flow entry refuses it, and reads it again after the recheck interval', async () => {
    const { gate, changes, probes } = gateReading([null, 'still no version', null], 30);
    expect(await gate.waitUntilRunnable(never)).toBe(true);
    gate.refused(NO_VERSION);
    expect(changes).toEqual([NO_VERSION]);
    expect(await gate.waitUntilRunnable(never)).toBe(true);
    expect(probes()).toBe(3);
    expect(changes).toEqual([NO_VERSION, 'still no version', null]);
  });

  it('finds out without a message that a change made the flow unable to run', async () => {
    const { gate, changes } = gateReading([null, NO_VERSION]);
    expect(await gate.waitUntilRunnable(never)).toBe(true);
    gate.recheck();
    await expect.poll(() => changes).toEqual([NO_VERSION]);
  });

  it('runs again at once when a message is accepted', async () => {
    const { gate, changes } = gateReading([null]);
    await gate.waitUntilRunnable(never);
    gate.refused(NO_VERSION);
    gate.accepted();
    expect(changes).toEqual([NO_VERSION, null]);
    expect(await gate.waitUntilRunnable(never)).toBe(true);
  });

  it('lets a flow poll when the database cannot be read at first, and stays refused when a re-read fails', async () => {
    const { gate } = gateReading([new Error('database down')]);
    expect(await gate.waitUntilRunnable(never)).toBe(true);
    gate.refused(NO_VERSION);
    gate.recheck();
    const aborted = new AbortController();
    const waiting = gate.waitUntilRunnable(aborted.signal);
    await new Promise((resolve) => setTimeout(resolve, 20));
    aborted.abort();
    expect(await waiting).toBe(false);
    expect(gate.refusal()).toBe(NO_VERSION);
  });
});
