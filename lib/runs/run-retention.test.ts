import { describe, expect, it } from 'vitest';
import { describeRunDeletion, formatRunRetention, runDeletion, runRetentionHoursSchema } from './run-retention';

const parsed = (value: unknown) => {
  const result = runRetentionHoursSchema.safeParse(value);
  return result.success ? result.data : result.error.issues.map((issue) => issue.message).join('; ');
};

describe('run retention', () => {
  it('reads hours or days, typed or as a JSON number of hours', () => {
    expect(parsed('12 hours')).toBe(12);
    expect(parsed('1 hour')).toBe(1);
    expect(parsed('30 days')).toBe(720);
    expect(parsed(' 7d ')).toBe(168);
    expect(parsed('36H')).toBe(36);
    expect(parsed(48)).toBe(48);
  });

  it('refuses anything outside 1 hour to 400 days, and numbers typed without a unit', () => {
    expect(parsed('0 hours')).toBe('At least 1 hour');
    expect(parsed(0)).toBe('At least 1 hour');
    expect(parsed('401 days')).toBe('At most 400 days');
    expect(parsed(400 * 24 + 1)).toBe('At most 400 days');
    expect(parsed('400 days')).toBe(9600);
    for (const unclear of ['30', '1.5 days', 'a week', 1.5, null]) expect(parsed(unclear)).toBe('Enter hours or days, e.g. 12 hours or 30 days');
  });

  it('shows whole days as days and reads them back', () => {
    for (const hours of [1, 23, 24, 36, 720, 9600]) expect(parsed(formatRunRetention(hours))).toBe(hours);
    expect([1, 24, 36, 720].map(formatRunRetention)).toEqual(['1 hour', '1 day', '36 hours', '30 days']);
  });

  it('deletes an ended run its window after it ended, and says so; a run that may still run has no date', () => {
    const finishedAt = new Date('2026-12-08T14:05:00.000Z');
    const deletion = runDeletion({ status: 'SUCCEEDED', finishedAt }, 720)!;
    expect(deletion).toEqual({ after: '2027-01-07T14:05:00.000Z', keptForHours: 720 });
    expect(describeRunDeletion('SUCCEEDED', deletion)).toBe('Deleted after 7 Jan 2027 14:05 UTC, 30 days after it finished');
    expect(describeRunDeletion('DEAD', runDeletion({ status: 'DEAD', finishedAt }, 1)!)).toBe('Deleted after 8 Dec 2026 15:05 UTC, 1 hour after it died');
    expect(runDeletion({ status: 'QUEUED', finishedAt: null }, 720)).toBeNull();
    expect(runDeletion({ status: 'RUNNING', finishedAt }, 720)).toBeNull();
  });
});
