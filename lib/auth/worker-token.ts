import { createHmac, timingSafeEqual } from 'node:crypto';

// The worker calls the algorithm API on behalf of an event flow's creator. It proves it
// is the platform's worker with a token derived from the session secret that both
// processes already share, so there is no extra secret to configure or leak.

export function workerApiToken(authSecret: string): string {
  return createHmac('sha256', authSecret).update('event-flows worker api v1').digest('base64url');
}

/** True when `Authorization: Worker <token>` carries this installation's worker token. */
export function isWorkerAuthorization(authorization: string | null, authSecret: string): boolean {
  const match = /^Worker\s+(\S+)$/.exec(authorization ?? '');
  if (!match?.[1]) return false;
  const expected = Buffer.from(workerApiToken(authSecret));
  const given = Buffer.from(match[1]);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
