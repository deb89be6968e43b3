import { describe, expect, it } from 'vitest';
import { createInFlightSlots } from './in-flight-slots';

describe('in-flight slots', () => {
  it('never hands out more slots than the cap, even to several pollers', async () => {
    const slots = createInFlightSlots(12);
    const signal = new AbortController().signal;
    expect(await slots.acquire(10, signal)).toBe(10);
    expect(await slots.acquire(10, signal)).toBe(2);
    const third = slots.acquire(10, signal);
    slots.release(3);
    expect(await third).toBe(3);
    expect(slots.used).toBe(12);
  });

  it('gives up waiting when polling stops', async () => {
    const slots = createInFlightSlots(1);
    const stop = new AbortController();
    await slots.acquire(1, stop.signal);
    const waiting = slots.acquire(1, stop.signal);
    stop.abort();
    expect(await waiting).toBe(0);
  });
});
