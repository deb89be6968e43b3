// SQS queue URLs carry their region in the host name. The worker signs every request
// for that region, so a queue in eu-west-1 works while the platform runs in us-east-1.
const REGION = '([a-z]{2}(?:-[a-z]+)+-\\d+)';
const HOST_PATTERNS = [
  new RegExp(`^sqs(?:-fips)?\\.${REGION}\\.(?:amazonaws\\.com(?:\\.cn)?|api\\.aws)$`),
  new RegExp(`^${REGION}\\.queue\\.amazonaws\\.com(?:\\.cn)?$`),
];
const LEGACY_US_EAST_1_HOST = 'queue.amazonaws.com';

/** The AWS region of an SQS queue URL, or undefined when the host names none (a local emulator). */
export function regionFromQueueUrl(queueUrl: string): string | undefined {
  let host: string;
  try {
    host = new URL(queueUrl).hostname.toLowerCase();
  } catch {
    return undefined;
  }
  if (host === LEGACY_US_EAST_1_HOST) return 'us-east-1';
  for (const pattern of HOST_PATTERNS) {
    const region = pattern.exec(host)?.[1];
    if (region) return region;
  }
  return undefined;
}
