import { z } from 'zod';
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

const runStatusFilterSchema = z.enum(RUN_STATUS_FILTERS.map((filter) => filter.value) as [RunStatusFilter, ...RunStatusFilter[]]);

export type RunStatusFilter = (typeof RUN_STATUS_FILTERS)[number]['value'];

/** `GET /api/v1/algorithms/{owner}/{name}/runs`'s query. */
export const runListQuerySchema = z.object({
  messageId: z.string().optional().describe('Only runs whose SQS message id starts with this.'),
  status: runStatusFilterSchema.optional().describe('One status, in lower case (dead, expired, failed, …), or all (the default).'),
});

/** The status a `?status=` value selects; null for all (or none given). Unknown values are a BAD_REQUEST. */
export function parseRunStatusFilter(value: string | null | undefined): RunStatus | null {
  if (!value) return null;
  const filter = runStatusFilterSchema.safeParse(value);
  if (!filter.success) {
    throw new AppError('BAD_REQUEST', `Unknown run status "${value}"; use one of ${runStatusFilterSchema.options.join(', ')}`);
  }
  return filter.data === 'all' ? null : (filter.data.toUpperCase() as RunStatus);
}
