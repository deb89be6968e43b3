import { timingSafeEqual } from 'node:crypto';
import { deriveKey } from './derived-keys';

// The worker calls the algorithm API on behalf of an event flow's creator. It proves it
// is the platform's worker with a token derived (HKDF) from the auth secret: the web app
// derives it to check, the worker is handed only the token (WORKER_API_TOKEN).

export function workerApiToken(authSecret: string): string {
  return deriveKey(authSecret, 'worker-token');
}

/** True when `Authorization: Worker <token>` carries this installation's worker token. */
export function isWorkerAuthorization(authorization: string | null, authSecret: string): boolean {
  const match = /^Worker\s+(\S+)$/.exec(authorization ?? '');
  if (!match?.[1]) return false;
  const expected = Buffer.from(workerApiToken(authSecret));
  const given = Buffer.from(match[1]);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
