import { Prisma } from '@/lib/generated/prisma/client';
import type { FilterPatternJson } from './parse-filter-pattern';

/** The value to store in EventFlow.filters: the patterns, or SQL NULL for none. */
export function filtersToJson(filters: FilterPatternJson[] | undefined | null): Prisma.InputJsonValue | typeof Prisma.DbNull {
  return filters && filters.length > 0 ? (filters as Prisma.InputJsonArray) : Prisma.DbNull;
}
