import { describe, expect, it } from 'vitest';
import { formatAge } from './format-age';

describe('formatAge', () => {
  it('says seconds, minutes, hours and days', () => {
    expect(formatAge(0)).toBe('0 s');
    expect(formatAge(59)).toBe('59 s');
    expect(formatAge(12 * 60 + 30)).toBe('12 min');
    expect(formatAge(3 * 3600)).toBe('3 h');
    expect(formatAge(3 * 3600 + 5 * 60)).toBe('3 h 5 min');
    expect(formatAge(2 * 86400 + 4 * 3600)).toBe('2 d 4 h');
    expect(formatAge(14 * 86400)).toBe('14 d');
  });
});
