import { AppError } from '@/lib/errors';
import type { RunStatus } from '@/lib/generated/prisma/client';

/** The Runs tab's status filter, in the order it offers them; `?status=` holds the value (lowercase). */
export const RUN_STATUS_FILTERS = [
  { value: 'all', label: 'All' },
  { value: 'dead', label: 'Dead' },
  { value: 'expired', label: 'Expired' },
  { value: 'failed', label: 'Failed' },
  { value: 'timed_out', label: 'Timed out' },
  { value: 'succeeded', label: 'Succeeded' },
  { value: 'running', label: 'Running' },
  { value: 'queued', label: 'Queued' },
] as const;

export type RunStatusFilter = (typeof RUN_STATUS_FILTERS)[number]['value'];

/** The status a `?status=` value selects; null for all (or none given). Unknown values are a BAD_REQUEST. */
export function parseRunStatusFilter(value: string | null | undefined): RunStatus | null {
  if (!value || value === 'all') return null;
  if (!RUN_STATUS_FILTERS.some((filter) => filter.value === value)) {
    throw new AppError('BAD_REQUEST', `Unknown run status "${value}"; use one of ${RUN_STATUS_FILTERS.map((filter) => filter.value).join(', ')}`);
  }
  return value.toUpperCase() as RunStatus;
}
