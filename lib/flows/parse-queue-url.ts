// Which queue URLs a connection may point at. The worker polls whatever is stored, so
// this is the guard that keeps it on SQS: AWS's own hosts, or the configured local
// endpoint (the emulator) in local mode. Nothing else.

export interface QueueUrlParts {
  /**
   * The canonical URL to store and poll: one spelling per queue (AWS queues on
   * sqs.<region>.amazonaws.com[.cn], whichever host variant was typed; lower-case host, no
   * trailing slash), so that "one queue, one enabled connection" compares queues, not text.
   */
  url: string;
  /** null for a queue addressed by the local endpoint's own host: use the configured region. */
  region: string | null;
  accountId: string;
  queueName: string;
  fifo: boolean;
  local: boolean;
}

export type QueueUrlResult = { ok: true; queue: QueueUrlParts } | { ok: false; reason: string };

const REGION = '[a-z]{2}(?:-[a-z]+)+-\\d{1,2}';
// sqs.<region>.amazonaws.com(.cn), its FIPS twin, and the legacy <region>.queue.amazonaws.com.
const AWS_HOSTS = [
  new RegExp(`^sqs(?:-fips)?\\.(${REGION})\\.amazonaws\\.com(?:\\.cn)?$`),
  new RegExp(`^(${REGION})\\.queue\\.amazonaws\\.com(?:\\.cn)?$`),
];
const LEGACY_US_EAST_1_HOST = 'queue.amazonaws.com';
const ACCOUNT_ID = /^\d{12}$/;
// SQS names: up to 80 characters of letters, digits, "-" and "_"; FIFO names end in ".fifo".
const QUEUE_NAME = /^(?:[A-Za-z0-9_-]{1,80}|[A-Za-z0-9_-]{1,75}\.fifo)$/;

export const QUEUE_URL_FORMAT = 'https://sqs.<region>.amazonaws.com/<12-digit account>/<queue name>';

function fail(reason: string): QueueUrlResult {
  return { ok: false, reason };
}

/** AWS region of an SQS host, or undefined when the host is not AWS's SQS. */
function awsRegion(host: string): string | undefined {
  if (host === LEGACY_US_EAST_1_HOST) return 'us-east-1';
  for (const pattern of AWS_HOSTS) {
    const match = pattern.exec(host);
    if (match?.[1]) return match[1];
  }
  return undefined;
}

/** Region of a queue on the local endpoint (its own host, or sqs.<region>.localhost on its port). */
function localRegion(url: URL, endpoint: URL): string | null | undefined {
  if (url.protocol !== endpoint.protocol || url.port !== endpoint.port) return undefined;
  if (url.hostname === endpoint.hostname) return null;
  return new RegExp(`^sqs\\.(${REGION})\\.localhost$`).exec(url.hostname)?.[1];
}

/**
 * Checks that `input` is the URL of an SQS queue and splits it into its parts.
 * `localEndpoint` is the SQS endpoint of local mode (AWS_ENDPOINT_URL_SQS on loopback).
 */
export function parseQueueUrl(input: string, localEndpoint?: string): QueueUrlResult {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return fail(`Enter the queue's URL, like ${QUEUE_URL_FORMAT}`);
  }
  if (url.username || url.password || url.search || url.hash) return fail('A queue URL has no credentials, query or fragment');

  const endpoint = localEndpoint ? new URL(localEndpoint) : undefined;
  const local = endpoint ? localRegion(url, endpoint) : undefined;
  const region = local === undefined ? awsRegion(url.hostname) : local;
  if (region === undefined) {
    const where = endpoint ? ` or a queue of the local endpoint ${endpoint.host}` : '';
    return fail(`Not an Amazon SQS queue URL: use ${QUEUE_URL_FORMAT}${where}`);
  }
  if (local === undefined && (url.protocol !== 'https:' || url.port !== '')) return fail('Amazon SQS queue URLs start with https:// and have no port');

  const [accountId = '', queueName = '', ...rest] = url.pathname.replace(/\/$/, '').split('/').slice(1);
  if (!ACCOUNT_ID.test(accountId)) return fail('The account in a queue URL is the 12-digit AWS account number');
  if (!QUEUE_NAME.test(queueName) || rest.length > 0) {
    return fail('The queue name is up to 80 letters, digits, "-" or "_" (FIFO queue names end in .fifo)');
  }
  // The legacy and FIPS hosts name the same queue; the worker never calls the stored host
  // (requests go to the region's endpoint), so nothing is lost by storing one spelling.
  const host = local === undefined ? `sqs.${region}.amazonaws.com${url.hostname.endsWith('.cn') ? '.cn' : ''}` : url.host;
  return {
    ok: true,
    queue: {
      url: `${url.protocol}//${host}/${accountId}/${queueName}`,
      region,
      accountId,
      queueName,
      fifo: queueName.endsWith('.fifo'),
      local: local !== undefined,
    },
  };
}
