import { z } from 'zod';

// What every paged list answers besides its rows (runs, messages, files).

export const pageInfoSchema = z.object({
  total: z.number().int().describe('How many rows match the filters: exact up to 10,000, else 10,000.'),
  totalIsExact: z.boolean().describe('false: more than `total` match ("more than 10,000").'),
  nextCursor: z.string().nullable().describe('Pass as `?cursor=` for the next page; null on the last page.'),
});

export type PageInfo = z.infer<typeof pageInfoSchema>;

/** The `?cursor=` of a paged list. */
export const pageCursorQuerySchema = z.object({ cursor: z.string().optional().describe("The previous page's nextCursor.") });

/**
 * Counting stops here. An exact count of a million runs took 0.5–0.65 s (bench/list-pages.ts),
 * too slow for lists that refresh every few seconds; counting up to 10,001 took 7–8 ms.
 */
export const COUNT_LIMIT = 10_000;

/** `count(take)` counts at most `take` matching rows (Prisma's count with take). */
export async function countUpTo(count: (take: number) => Promise<number>): Promise<Pick<PageInfo, 'total' | 'totalIsExact'>> {
  const counted = await count(COUNT_LIMIT + 1);
  return { total: Math.min(counted, COUNT_LIMIT), totalIsExact: counted <= COUNT_LIMIT };
}

/** A page from `size + 1` fetched rows: the extra row only says that another page exists. */
export function sliceKeysetPage<T>(rows: T[], size: number, cursorOf: (last: T) => string): { rows: T[]; nextCursor: string | null } {
  const page = rows.slice(0, size);
  const last = page.at(-1);
  return { rows: page, nextCursor: rows.length > size && last !== undefined ? cursorOf(last) : null };
}
