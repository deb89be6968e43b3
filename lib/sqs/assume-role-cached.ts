import { AssumeRoleCommand, type STSClient } from '@aws-sdk/client-sts';
import { LRUCache } from 'lru-cache';
import { coerceError } from '@/lib/logger';

// Credentials of an assumed role, in the shape the AWS SDK's credential providers
// return: a client given a provider that yields these refreshes them by itself.
export interface TemporaryCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}

export interface RoleToAssume {
  roleArn: string;
  /** Always the owner's platform-generated ID, except to prove a role requires one (null). */
  externalId: string | null;
  /** Shows up in the queue owner's CloudTrail, so it should say who is asking. */
  sessionName: string;
}

export interface AssumeRoleCached {
  (role: RoleToAssume): Promise<TemporaryCredentials>;
  /** One call to STS, never cached: to prove that a role refuses callers without the external ID. */
  once(role: RoleToAssume): Promise<TemporaryCredentials>;
}

export class AssumeRoleError extends Error {
  override name = 'AssumeRoleError';
  constructor(
    readonly code: 'ASSUME_ROLE_DENIED' | 'ASSUME_ROLE_FAILED',
    message: string,
    readonly roleArn: string,
    readonly awsCode: string,
    options: { cause: unknown },
  ) {
    super(message, options);
  }
}

// AWS SDK clients ask again once less than 5 minutes remain; refresh no later than that,
// and at half-life for short sessions.
const MAX_REFRESH_MARGIN_MS = 5 * 60_000;

// Enough for every role of a large installation; a process probed with many roles keeps
// only the most recently used (issue 14: the cache must not grow without bound).
export const MAX_CACHED_ROLES = 1000;

interface CacheEntry {
  credentials?: TemporaryCredentials;
  refreshAt: number;
  pending?: Promise<TemporaryCredentials>;
}

/**
 * STS AssumeRole with one cache entry per (role, external id): flows that share a role
 * share its session, and concurrent callers share one in-flight AssumeRole call. A failed
 * call leaves nothing behind, so the next caller asks STS again.
 */
export function createAssumeRoleCached(
  sts: STSClient,
  { now = Date.now, maxEntries = MAX_CACHED_ROLES }: { now?: () => number; maxEntries?: number } = {},
): AssumeRoleCached {
  const cache = new LRUCache<string, CacheEntry>({ max: maxEntries });
  const cached = (role: RoleToAssume): Promise<TemporaryCredentials> => {
    const key = JSON.stringify([role.roleArn, role.externalId]);
    const entry = cache.get(key) ?? { refreshAt: 0 };
    cache.set(key, entry);
    if (entry.credentials && now() < entry.refreshAt) return Promise.resolve(entry.credentials);
    entry.pending ??= assumeRole(sts, role)
      .then(
        (credentials) => {
          const issuedAt = now();
          const expiresAt = credentials.expiration?.getTime() ?? issuedAt + 2 * MAX_REFRESH_MARGIN_MS;
          entry.credentials = credentials;
          entry.refreshAt = expiresAt - Math.min(MAX_REFRESH_MARGIN_MS, (expiresAt - issuedAt) / 2);
          return credentials;
        },
        (error: unknown) => {
          if (cache.peek(key) === entry) cache.delete(key);
          throw error;
        },
      )
      .finally(() => {
        entry.pending = undefined;
      });
    return entry.pending;
  };
  return Object.assign(cached, { once: (role: RoleToAssume) => assumeRole(sts, role) });
}

async function assumeRole(sts: STSClient, role: RoleToAssume): Promise<TemporaryCredentials> {
  try {
    const { Credentials } = await sts.send(
      new AssumeRoleCommand({
        RoleArn: role.roleArn,
        RoleSessionName: sessionNameFor(role.sessionName),
        ExternalId: role.externalId ?? undefined,
      }),
    );
    if (!Credentials?.AccessKeyId || !Credentials.SecretAccessKey) throw new Error('STS returned no credentials');
    return {
      accessKeyId: Credentials.AccessKeyId,
      secretAccessKey: Credentials.SecretAccessKey,
      sessionToken: Credentials.SessionToken,
      expiration: Credentials.Expiration,
    };
  } catch (error) {
    throw assumeRoleError(role.roleArn, error);
  }
}

function assumeRoleError(roleArn: string, cause: unknown): AssumeRoleError {
  const { name: awsCode, message: detail } = coerceError(cause);
  if (awsCode === 'AccessDenied' || awsCode === 'AccessDeniedException') {
    return new AssumeRoleError(
      'ASSUME_ROLE_DENIED',
      `AccessDenied on AssumeRole: the platform may not assume ${roleArn}. Check the role's trust relationship (and its external id).`,
      roleArn,
      awsCode,
      { cause },
    );
  }
  return new AssumeRoleError('ASSUME_ROLE_FAILED', `AssumeRole of ${roleArn} failed (${awsCode}): ${detail}`, roleArn, awsCode, { cause });
}

// STS allows 2-64 characters of [\w+=,.@-].
function sessionNameFor(name: string): string {
  return name.replace(/[^\w+=,.@-]/g, '-').slice(0, 64);
}
