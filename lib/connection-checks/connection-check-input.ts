import { z } from 'zod';

// SEAM: what "Test connection" accepts before a connection is saved. When the flows
// branch lands, use its flowInputSchema (lib/flows/flow-input.ts) instead: the same
// rules — an SQS queue URL (or a queue of the local endpoint) and an IAM role ARN — so
// the server never calls an arbitrary host.

const SQS_HOST = /^(?:sqs(?:-fips)?\.[a-z]{2}(?:-[a-z]+)+-\d{1,2}\.amazonaws\.com(?:\.cn)?|(?:[a-z]{2}(?:-[a-z]+)+-\d{1,2}\.)?queue\.amazonaws\.com(?:\.cn)?)$/;
const QUEUE_PATH = /^\/\d{12}\/(?:[A-Za-z0-9_-]{1,80}|[A-Za-z0-9_-]{1,75}\.fifo)$/;
const LOCAL_SQS_HOST = /^sqs\.[a-z0-9-]+\.localhost$/;
const ROLE_ARN = /^arn:aws(?:-[a-z]+)*:iam::\d{12}:role\/(?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/;
const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;

function isQueueUrl(input: string, localEndpoint?: string): boolean {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return false;
  }
  if (url.username || url.password || url.search || url.hash || !QUEUE_PATH.test(url.pathname)) return false;
  if (localEndpoint) {
    const local = new URL(localEndpoint);
    const sameServer = url.protocol === local.protocol && url.port === local.port;
    if (sameServer && (url.hostname === local.hostname || LOCAL_SQS_HOST.test(url.hostname))) return true;
  }
  return url.protocol === 'https:' && url.port === '' && SQS_HOST.test(url.hostname);
}

const blankAsMissing = (value: unknown) => (value === null || (typeof value === 'string' && value.trim() === '') ? undefined : value);
const numberFromText = (value: unknown) => (typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value);

/** `localSqsEndpoint`: the SQS endpoint of local mode, whose queues are accepted too. */
export function connectionCheckInputSchema(localSqsEndpoint?: string) {
  return z.object({
    queueUrl: z
      .string({ error: 'Enter the queue URL' })
      .trim()
      .refine((value) => isQueueUrl(value, localSqsEndpoint), 'Not an Amazon SQS queue URL: use https://sqs.<region>.amazonaws.com/<12-digit account>/<queue name>'),
    roleArn: z.string({ error: 'Enter the role ARN' }).trim().regex(ROLE_ARN, 'Enter an IAM role ARN, like arn:aws:iam::<12-digit account>:role/<role name>'),
    externalId: z.preprocess(blankAsMissing, z.string().trim().regex(EXTERNAL_ID, 'An external ID is 2 to 1224 letters, digits or + = , . @ : / -').optional()),
    timeoutSeconds: z.preprocess(
      (value) => numberFromText(blankAsMissing(value)),
      z.number({ error: 'Enter a whole number of seconds' }).int('Enter a whole number of seconds').min(1, 'At least 1 second').max(3600, 'At most 3600 seconds').optional(),
    ),
  });
}

export type ConnectionCheckInput = z.output<ReturnType<typeof connectionCheckInputSchema>>;
