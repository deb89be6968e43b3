import { describe, expect, it } from 'vitest';
import { createAdmissionGate } from './admission-gate';

function gateWithRoom(rooms: number[]) {
  const probes: number[] = [];
  const waiting: boolean[] = [];
  const gate = createAdmissionGate({
    probe: async () => {
      const room = rooms.shift() ?? 0;
      probes.push(room);
      return room;
    },
    onWaiting: (value) => waiting.push(value),
    recheckMs: 60_000,
  });
  return { gate, probes, waiting };
}

const never = new AbortController().signal;

describe('the admission gate', () => {
  it('lets no poll take more places than the platform has room for', async () => {
    const { gate } = gateWithRoom([3]);
    expect(await gate.reserve(10, never)).toBe(3);
    const more = gate.reserve(10, never);
    gate.answered(3, { room: 5 });
    expect(await more).toBe(5);
  });

  it('gives back places a receive did not fill', async () => {
    const { gate } = gateWithRoom([4]);
    expect(await gate.reserve(10, never)).toBe(4);
    gate.release(4);
    expect(await gate.reserve(2, never)).toBe(2);
  });

  it('waits with no room, says so, and resumes when woken and the room is back', async () => {
    const { gate, waiting } = gateWithRoom([0, 2]);
    const reserved = gate.reserve(10, never);
    await expect.poll(() => waiting).toEqual([true]);
    gate.wake();
    expect(await reserved).toBe(2);
    expect(waiting).toEqual([true, false]);
  });

  it("after a 429 does not read the room again before the platform's Retry-After, unless woken", async () => {
    const { gate, probes } = gateWithRoom([10, 7]);
    expect(await gate.reserve(10, never)).toBe(10);
    gate.answered(10, { room: 0, retryAfterMs: 60_000 });
    const reserved = gate.reserve(10, never);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(probes).toEqual([10]);
    gate.wake();
    expect(await reserved).toBe(7);
  });

  it('does not read the room again on a wake while it has room', async () => {
    const { gate, probes } = gateWithRoom([5, 9]);
    expect(await gate.reserve(2, never)).toBe(2);
    gate.wake();
    expect(await gate.reserve(2, never)).toBe(2);
    expect(probes).toEqual([5]);
  });

  it('returns 0 when the poll is stopped while waiting', async () => {
    const { gate } = gateWithRoom([0]);
    const stop = new AbortController();
    const reserved = gate.reserve(10, stop.signal);
    stop.abort();
    expect(await reserved).toBe(0);
  });
});
