import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { decodeNameCursor, decodeTimeCursor, encodeNameCursor, encodeTimeCursor } from './page-cursor';
import { COUNT_LIMIT, countUpTo, sliceKeysetPage } from './list-page';

describe('keyset page cursors', () => {
  it('carry the last row of a page to the next request, to the millisecond', () => {
    const row = { createdAt: new Date('2026-12-07T10:11:12.345Z'), id: 'cmabc123' };
    expect(decodeTimeCursor(encodeTimeCursor(row))).toEqual({ at: row.createdAt, id: row.id });
    expect(decodeNameCursor(encodeNameCursor('reports/2026 12/ü.txt'))).toBe('reports/2026 12/ü.txt');
  });

  it('refuse a cursor that is not one, as a bad request in plain words', () => {
    for (const cursor of ['', 'not a cursor!', Buffer.from('no-separator').toString('base64url'), Buffer.from('yesterday|id').toString('base64url')]) {
      expect(() => decodeTimeCursor(cursor)).toThrow(AppError);
    }
    expect(() => decodeTimeCursor('%%%')).toThrow('This page link is not valid: start again from the first page');
  });
});

describe('a page and its total', () => {
  it('says whether another page follows from one row fetched beyond the page', () => {
    expect(sliceKeysetPage([1, 2, 3], 2, String)).toEqual({ rows: [1, 2], nextCursor: '2' });
    expect(sliceKeysetPage([1, 2], 2, String)).toEqual({ rows: [1, 2], nextCursor: null });
  });

  it('counts exactly up to the limit, then says "more than"', async () => {
    expect(await countUpTo(async () => 311)).toEqual({ total: 311, totalIsExact: true });
    expect(await countUpTo(async (take) => take)).toEqual({ total: COUNT_LIMIT, totalIsExact: false });
  });
});
