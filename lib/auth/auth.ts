import { betterAuth } from 'better-auth';
import { APIError } from 'better-auth/api';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { nextCookies } from 'better-auth/next-js';
import { db } from '@/lib/db/client';
import { env } from '@/lib/env';
import { appOrigins } from '@/lib/http/app-origins';
import { CLIENT_IP_HEADER } from '@/lib/http/client-ip';
import { nameSchema } from './auth-form-input';
import { deriveKey } from './derived-keys';
import { promoteIfFirstUser } from './promote-first-user';
import { USERNAME_IS_FIXED, usernameSchema } from './username';

function sessionSecret(): string | undefined {
  const secret = env().BETTER_AUTH_SECRET;
  return secret && deriveKey(secret, 'sessions');
}

/**
 * better-auth's limits per client address and path, written out: its own defaults apply
 * only when NODE_ENV is production, keep their counts in each process's memory, and
 * allow 3 sign-ins a 10 s. Here they always apply, are counted in PostgreSQL (the
 * RateLimit table) so every web process shares them, and the credential paths allow
 * AUTH_ATTEMPTS_PER_MINUTE each: guessing passwords, or signing up accounts in bulk,
 * from one address soon meets a 429.
 */
function authRateLimits() {
  const attempts = { window: 60, max: env().AUTH_ATTEMPTS_PER_MINUTE };
  return {
    enabled: true,
    storage: 'database' as const,
    // Every other auth path (session, sign-out, …).
    window: 60,
    max: 300,
    customRules: { '/sign-in/*': attempts, '/sign-up/*': attempts, '/change-password': attempts, '/change-email': attempts },
  };
}

/** The same rule as the sign-up form, for whoever calls the auth API directly. */
function checkedName(name: unknown): string {
  const checked = nameSchema.safeParse(name);
  if (!checked.success) throw new APIError('BAD_REQUEST', { message: checked.error.issues[0]?.message ?? 'Invalid name' });
  return checked.data;
}

function createAuth() {
  const [baseURL, ...otherOrigins] = appOrigins();
  return betterAuth({
    appName: 'Event Flows',
    baseURL,
    trustedOrigins: otherOrigins,
    // Sessions have their own key, derived from the secret (not the secret itself).
    secret: sessionSecret(),
    database: prismaAdapter(db(), { provider: 'postgresql' }),
    emailAndPassword: { enabled: true, autoSignIn: true, minPasswordLength: 8 },
    telemetry: { enabled: false },
    // The web server puts the client's address there (lib/http/client-ip.ts); a client's
    // own X-Forwarded-For is believed only as far as the trusted proxies vouch for it.
    // Secure (and __Secure- prefixed) cookies exactly when the public URL is https, stated
    // rather than left to the library's default, which falls back on NODE_ENV.
    advanced: { ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] }, useSecureCookies: baseURL?.startsWith('https://') ?? false },
    rateLimit: authRateLimits(),
    user: {
      additionalFields: {
        username: { type: 'string', required: true, input: true },
        role: { type: 'string', required: false, input: false, defaultValue: 'USER' },
      },
    },
    databaseHooks: {
      user: {
        create: {
          before: async (user) => {
            const name = checkedName(user.name);
            const username = usernameSchema.safeParse(user.username);
            if (!username.success) {
              throw new APIError('BAD_REQUEST', { message: username.error.issues[0]?.message ?? 'Invalid username' });
            }
            if (await db().user.findUnique({ where: { username: username.data } })) {
              throw new APIError('BAD_REQUEST', { message: 'That username is taken' });
            }
            return { data: { ...user, name, username: username.data, role: 'USER' } };
          },
          // After the insert has committed, so simultaneous sign-ups cannot both be first.
          after: async (user) => {
            await promoteIfFirstUser(db(), user.id);
          },
        },
        update: {
          // A username names its owner's algorithms and data (owner/name, data://owner/…):
          // changing it would break every path and URI that uses it, so it stays.
          before: async (user) => {
            if (user.username !== undefined) throw new APIError('BAD_REQUEST', { message: USERNAME_IS_FIXED });
            if (user.name !== undefined) return { data: { ...user, name: checkedName(user.name) } };
          },
        },
      },
    },
    plugins: [nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as unknown as { eventFlowsAuth?: Auth };

export function auth(): Auth {
  globalForAuth.eventFlowsAuth ??= createAuth();
  return globalForAuth.eventFlowsAuth;
}
