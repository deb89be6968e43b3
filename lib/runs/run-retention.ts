import { z } from 'zod';
import type { RunStatus } from '@/lib/generated/prisma/client';
import { DEAD_RUN_STATUSES } from './dead-run-statuses';
import { isoTimeSchema } from '@/lib/validation/iso-time';

// How long ended runs are kept: the platform's "Keep finished runs for", or a connection's
// own. Stored in hours, so that the shortest window, one hour, is exact; typed by people as
// hours or days. The sweep that deletes them is delete-expired-runs.ts.

export const MIN_RUN_RETENTION_HOURS = 1;
export const MAX_RUN_RETENTION_HOURS = 400 * 24;

/** Runs the window applies to, counted from `finishedAt` (for DEAD and EXPIRED: when they died). */
export const ENDED_RUN_STATUSES = ['SUCCEEDED', 'FAILED', 'TIMED_OUT', 'DEAD', 'EXPIRED'] as const satisfies readonly RunStatus[];

const HINT = 'Enter hours or days, e.g. 12 hours or 30 days';
const DURATION = /^(\d+)\s*(h|hours?|d|days?)$/i;

/**
 * A window in whole hours: a JSON number is hours; text needs its unit ("12 hours",
 * "30 days", "36h", "7d"), so that "30" typed into a form is never read as 30 hours
 * when days were meant.
 */
export const runRetentionHoursSchema = z
  .union([z.number(), z.string()], { error: HINT })
  .transform((value, ctx) => {
    const hours = typeof value === 'number' ? value : hoursOf(value);
    if (hours === undefined || !Number.isInteger(hours)) {
      ctx.addIssue({ code: 'custom', message: HINT });
      return z.NEVER;
    }
    if (hours < MIN_RUN_RETENTION_HOURS) ctx.addIssue({ code: 'custom', message: 'At least 1 hour' });
    if (hours > MAX_RUN_RETENTION_HOURS) ctx.addIssue({ code: 'custom', message: 'At most 400 days' });
    return hours;
  });

function hoursOf(text: string): number | undefined {
  const match = DURATION.exec(text.trim());
  if (!match) return undefined;
  const amount = Number(match[1]);
  return match[2]!.toLowerCase().startsWith('d') ? amount * 24 : amount;
}

/** "30 days", "1 hour", "36 hours": how the forms show a window (and read it back). */
export function formatRunRetention(hours: number): string {
  if (hours % 24 === 0) return hours === 24 ? '1 day' : `${hours / 24} days`;
  return hours === 1 ? '1 hour' : `${hours} hours`;
}

export const runDeletionSchema = z.object({
  after: isoTimeSchema.describe('After this time the retention sweep deletes the run.'),
  keptForHours: z.number().int().describe("The window it is kept for, in hours (its connection's, else the platform's)."),
});

export type RunDeletion = z.infer<typeof runDeletionSchema>;

/** When an ended run is deleted (its end plus the window); null while it may still run. */
export function runDeletion(run: { status: RunStatus; finishedAt: Date | null }, keptForHours: number): RunDeletion | null {
  if (!run.finishedAt || !(ENDED_RUN_STATUSES as readonly RunStatus[]).includes(run.status)) return null;
  return { after: new Date(run.finishedAt.getTime() + keptForHours * 3_600_000).toISOString(), keptForHours };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "7 Jan 2027 14:05 UTC": the same text on the server and in the browser (no locale). */
export function formatDeletionTime(iso: string): string {
  const at = new Date(iso);
  return `${at.getUTCDate()} ${MONTHS[at.getUTCMonth()]} ${at.getUTCFullYear()} ${iso.slice(11, 16)} UTC`;
}

/** "Deleted after 7 Jan 2027 14:05 UTC, 30 days after it finished" (or "died", for dead runs). */
export function describeRunDeletion(status: RunStatus, deletion: RunDeletion): string {
  const ended = (DEAD_RUN_STATUSES as readonly RunStatus[]).includes(status) ? 'died' : 'finished';
  return `Deleted after ${formatDeletionTime(deletion.after)}, ${formatRunRetention(deletion.keptForHours)} after it ${ended}`;
}
