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
    queueUrl: z
      .string({ error: 'Enter the queue URL' })
      .transform((value, ctx) => {
        const result = parseQueueUrl(value, localSqsEndpoint);
        if (result.ok) return result.queue.url;
        ctx.addIssue({ code: 'custom', message: result.reason });
        return z.NEVER;
      })
      .describe(
        'The URI: an SQS queue URL, `https://sqs.<region>.amazonaws.com/<12-digit account>/<name>` or an AWS variant (FIFO names end in .fifo); in local mode also a queue of the local endpoint. No other host.',
      ),
    roleArn: z
      .string({ error: 'Enter the role ARN' })
      .transform((value, ctx) => {
        const result = parseRoleArn(value);
        if (result.ok) return result.role.arn;
        ctx.addIssue({ code: 'custom', message: result.reason });
        return z.NEVER;
      })
      .describe("The ROLE ARN, `arn:<partition>:iam::<12-digit account>:role/<path/><name>`, which the platform assumes with the owner's external ID."),
    version: z.preprocess(blankAsMissing, versionSchema.optional()).describe('A published version; without it each message runs the latest version published at that time.'),
    timeoutSeconds: z.preprocess((value) => numberFromText(blankAsMissing(value)), timeoutSeconds.optional()).describe('Algorithm timeout in seconds (default 300).'),
    // Advanced: runs of this flow executing at once, and attempts per run (retry policy).
    maxConcurrency: wholeNumber('runs', 1, MAX_FLOW_CONCURRENCY).describe('Runs of this connection executing at once.'),
    maxAttempts: wholeNumber('attempts', 1, MAX_RUN_ATTEMPTS).describe("Attempts per run for transient failures (the platform's default otherwise)."),
    // Advanced: how long its ended runs are kept, instead of the platform's setting.
    runRetentionHours: z.preprocess(blankAsMissing, runRetentionHoursSchema.optional()).describe("Hours its ended runs are kept (1 hour to 400 days); without it the platform's \"Keep finished runs for\"."),
    // Advanced: Lambda-style patterns over the body; a message none matches is deleted without a run.
    filters: filtersSchema,
    // The confused-deputy guard (issue 14): a user who could choose it could name another user's.
    externalId: z
      .preprocess(blankAsMissing, z.undefined({ error: EXTERNAL_ID_IS_THE_PLATFORMS }).optional())
      .meta({ type: 'null', description: 'Not accepted: the platform sends the owner’s own external ID. Leave it out (null is ignored).' }),
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
