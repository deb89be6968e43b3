import { z } from 'zod';
import { versionSchema } from '@/lib/algorithms/algorithm-input';
import { filtersSchema } from '@/lib/flow-filters/filters-input';
import { runRetentionHoursSchema } from '@/lib/runs/run-retention';
import { parseQueueUrl } from './parse-queue-url';
import { parseRoleArn } from './parse-role-arn';

// One schema for a broker connection or event listener: the modals validate with it
// before sending, the API validates again (authoritative), and the worker can trust
// what it stored.

export const MAX_FLOW_TIMEOUT_SECONDS = 3600;

export const EXTERNAL_ID_IS_THE_PLATFORMS =
  'Set by the platform: every AssumeRole for your flows sends your own external ID (shown in Connect broker and on AWS setup); it cannot be chosen.';

/** Empty form fields and JSON nulls mean "not given". */
function blankAsMissing(value: unknown): unknown {
  if (value === null || (typeof value === 'string' && value.trim() === '')) return undefined;
  return value;
}

/** Form inputs send numbers as text; JSON sends numbers. Anything else fails as not a number. */
function numberFromText(value: unknown): unknown {
  return typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value;
}

const timeoutSeconds = z
  .number({ error: 'Enter a whole number of seconds' })
  .int('Enter a whole number of seconds')
  .min(1, 'At least 1 second')
  .max(MAX_FLOW_TIMEOUT_SECONDS, `At most ${MAX_FLOW_TIMEOUT_SECONDS} seconds (one hour)`);

export const MAX_FLOW_CONCURRENCY = 1000;
export const MAX_RUN_ATTEMPTS = 20;

const wholeNumber = (unit: string, min: number, max: number) =>
  z.preprocess(
    (value) => numberFromText(blankAsMissing(value)),
    z
      .number({ error: `Enter a whole number of ${unit}` })
      .int(`Enter a whole number of ${unit}`)
      .min(min, `At least ${min}`)
      .max(max, `At most ${max}`)
      .optional(),
  );

/** `localSqsEndpoint`: the SQS endpoint of local mode, whose queues are accepted too. */
export function flowInputSchema(localSqsEndpoint?: string) {
  return z.object({
    queueUrl: z.string({ error: 'Enter the queue URL' }).transform((value, ctx) => {
      const result = parseQueueUrl(value, localSqsEndpoint);
      if (result.ok) return result.queue.url;
      ctx.addIssue({ code: 'custom', message: result.reason });
      return z.NEVER;
    }),
    roleArn: z.string({ error: 'Enter the role ARN' }).transform((value, ctx) => {
      const result = parseRoleArn(value);
      if (result.ok) return result.role.arn;
      ctx.addIssue({ code: 'custom', message: result.reason });
      return z.NEVER;
    }),
    version: z.preprocess(blankAsMissing, versionSchema.optional()),
    timeoutSeconds: z.preprocess((value) => numberFromText(blankAsMissing(value)), timeoutSeconds.optional()),
    // Advanced: runs of this flow executing at once, and attempts per run (retry policy).
    maxConcurrency: wholeNumber('runs', 1, MAX_FLOW_CONCURRENCY),
    maxAttempts: wholeNumber('attempts', 1, MAX_RUN_ATTEMPTS),
    // Advanced: how long its ended runs are kept, instead of the platform's setting.
    runRetentionHours: z.preprocess(blankAsMissing, runRetentionHoursSchema.optional()),
    // Advanced: Lambda-style patterns over the body; a message none matches is deleted without a run.
    filters: filtersSchema,
    // The confused-deputy guard (issue 14): a user who could choose it could name another user's.
    externalId: z.preprocess(blankAsMissing, z.undefined({ error: EXTERNAL_ID_IS_THE_PLATFORMS }).optional()),
  });
}

export type FlowInput = z.output<ReturnType<typeof flowInputSchema>>;

/** What Edit may change on a saved flow: not its queue, role or external id. */
export const EDITABLE_FLOW_FIELDS = ['version', 'timeoutSeconds', 'maxConcurrency', 'maxAttempts', 'runRetentionHours', 'filters'] as const;

/** The edit schema, derived from the one above so both validate alike. */
export function flowEditSchema() {
  return flowInputSchema().pick({ version: true, timeoutSeconds: true, maxConcurrency: true, maxAttempts: true, runRetentionHours: true, filters: true });
}

export type FlowEdit = z.output<ReturnType<typeof flowEditSchema>>;
export type FlowFormValues = z.input<ReturnType<typeof flowInputSchema>>;
