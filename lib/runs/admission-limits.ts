import type { PlatformSettings } from '@/lib/settings/get-platform-settings';

// The one rule for how many runs a caller may add now. Queued runs (the executor's
// backlog) are bounded by the queue limits; runs the caller executes at once (the
// synchronous API) by the execution limits, since they take a worker slot right away.

export interface AdmissionLimits {
  /** Runs the caller may add now (never negative). */
  room: number;
  /** True when the caller's own limit binds rather than the platform's. */
  userBound: boolean;
  /** Why an item beyond the room is refused, in plain words. */
  refusal: string;
}

export function admissionLimits(
  status: 'QUEUED' | 'RUNNING',
  settings: Pick<PlatformSettings, 'userQueueLimit' | 'platformQueueLimit' | 'maxWorkers' | 'userSessionLimit'>,
  counts: { total: number; mine: number },
): AdmissionLimits {
  const queued = status === 'QUEUED';
  const platformLimit = queued ? settings.platformQueueLimit : settings.maxWorkers;
  const userLimit = queued ? settings.userQueueLimit : settings.userSessionLimit;
  const platformRoom = platformLimit - counts.total;
  const userRoom = userLimit - counts.mine;
  const userBound = userRoom < platformRoom;
  const refusal = queued
    ? userBound
      ? `You have ${userLimit} runs waiting to execute, your queue limit; try again later`
      : `The platform's backlog is full (${platformLimit} runs waiting); try again later`
    : userBound
      ? `You have ${userLimit} runs executing, your session limit; try again later`
      : `The platform is running its maximum of ${platformLimit} runs; try again later`;
  return { room: Math.max(0, Math.min(platformRoom, userRoom)), userBound, refusal };
}

const MIN_RETRY_AFTER_SECONDS = 1;
const MAX_RETRY_AFTER_SECONDS = 60;
/** With no run finished lately there is no rate to go by. */
const UNKNOWN_RATE_RETRY_AFTER_SECONDS = 10;

/** Seconds until `needed` places are likely free, at `drainPerSecond` runs finishing a second. */
export function estimateRetryAfterSeconds(needed: number, drainPerSecond: number): number {
  if (drainPerSecond <= 0) return UNKNOWN_RATE_RETRY_AFTER_SECONDS;
  return Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(MIN_RETRY_AFTER_SECONDS, Math.ceil(needed / drainPerSecond)));
}
