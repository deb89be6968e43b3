import { describe, expect, it } from 'vitest';
import { formatRelative, formatTotal, formatUtc } from './format';

describe('one date format', () => {
  const now = Date.parse('2026-12-07T12:00:00.000Z');

  it('is absolute UTC to the second', () => {
    expect(formatUtc('2026-12-07T11:58:03.456Z')).toBe('2026-12-07 11:58:03 UTC');
  });

  it('is relative to now elsewhere, the UTC date past a month', () => {
    expect(formatRelative('2026-12-07T11:59:40.000Z', now)).toBe('less than a minute ago');
    expect(formatRelative('2026-12-07T11:57:00.000Z', now)).toBe('3 minutes ago');
    expect(formatRelative('2026-12-07T10:00:00.000Z', now)).toBe('2 hours ago');
    expect(formatRelative('2026-12-06T12:00:00.000Z', now)).toBe('1 day ago');
    expect(formatRelative('2026-12-07T12:05:00.000Z', now)).toBe('in 5 minutes');
    expect(formatRelative('2026-10-01T12:00:00.000Z', now)).toBe('2026-10-01');
  });
});

describe('a list total in words', () => {
  it('counts, and says "more than" when counting stopped', () => {
    expect(formatTotal(1, true, 'run')).toBe('1 run');
    expect(formatTotal(311, true, 'run')).toBe('311 runs');
    expect(formatTotal(10_000, false, 'run')).toBe('more than 10,000 runs');
  });
});
