import { describe, expect, it } from 'vitest';
import { admissionLimits, estimateRetryAfterSeconds } from './admission-limits';

const settings = { maxWorkers: 8, userSessionLimit: 4, userQueueLimit: 1_000, platformQueueLimit: 10_000 };

describe('admission limits', () => {
  it('admit queued runs into the backlog, not into the execution slots', () => {
    expect(admissionLimits('QUEUED', settings, { total: 40, mine: 40 })).toMatchObject({ room: 960, userBound: true });
    expect(admissionLimits('QUEUED', settings, { total: 9_990, mine: 0 })).toMatchObject({ room: 10, userBound: false });
  });

  it('let a synchronous run in only while an execution slot is free', () => {
    expect(admissionLimits('RUNNING', settings, { total: 3, mine: 3 })).toMatchObject({ room: 1 });
    expect(admissionLimits('RUNNING', settings, { total: 8, mine: 0 })).toMatchObject({ room: 0, userBound: false });
  });

  it('say in plain words which limit was reached', () => {
    expect(admissionLimits('QUEUED', settings, { total: 1_000, mine: 1_000 }).refusal).toBe('You have 1000 runs waiting to execute, your queue limit; try again later');
    expect(admissionLimits('QUEUED', settings, { total: 10_000, mine: 0 }).refusal).toBe("The platform's backlog is full (10000 runs waiting); try again later");
    expect(admissionLimits('RUNNING', settings, { total: 4, mine: 4 }).refusal).toBe('You have 4 runs executing, your session limit; try again later');
  });

  it('never give negative room when a limit was lowered below what is queued', () => {
    expect(admissionLimits('QUEUED', { ...settings, userQueueLimit: 5 }, { total: 50, mine: 50 }).room).toBe(0);
  });
});

describe('Retry-After from the drain rate', () => {
  it('is the time the backlog needs to make the room, within 1 to 60 s', () => {
    expect(estimateRetryAfterSeconds(10, 5)).toBe(2);
    expect(estimateRetryAfterSeconds(1, 100)).toBe(1);
    expect(estimateRetryAfterSeconds(1_000, 1)).toBe(60);
  });

  it('falls back to 10 s when nothing finished lately', () => {
    expect(estimateRetryAfterSeconds(3, 0)).toBe(10);
  });
});
