import { AppError } from '@/lib/errors';

// Keyset paging: a page starts right after the last row of the one before, found through
// an index, so page 1,000 costs what page 1 costs (OFFSET would read and drop every row
// before it). The cursor is opaque to callers: base64url of the sort key of that last row.

/** Newest-first lists (runs, messages): the last row's creation time and id (ties broken by id). */
export interface TimeCursor {
  at: Date;
  id: string;
}

const INVALID = 'This page link is not valid: start again from the first page';

export function encodeTimeCursor(row: { createdAt: Date; id: string }): string {
  return encodeCursor(`${row.createdAt.toISOString()}|${row.id}`);
}

/** The cursor of a `?cursor=` value; a malformed one is a BAD_REQUEST. */
export function decodeTimeCursor(cursor: string): TimeCursor {
  const [iso = '', id = ''] = decodeCursor(cursor).split('|');
  const at = new Date(iso);
  if (Number.isNaN(at.getTime()) || id === '') throw new AppError('BAD_REQUEST', INVALID);
  return { at, id };
}

/** Lists in name order (a collection's files): the last row's name. */
export function encodeNameCursor(name: string): string {
  return encodeCursor(name);
}

export function decodeNameCursor(cursor: string): string {
  const name = decodeCursor(cursor);
  if (name === '') throw new AppError('BAD_REQUEST', INVALID);
  return name;
}

function encodeCursor(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): string {
  if (!/^[A-Za-z0-9_-]{1,2800}$/.test(cursor)) throw new AppError('BAD_REQUEST', INVALID);
  return Buffer.from(cursor, 'base64url').toString('utf8');
}
