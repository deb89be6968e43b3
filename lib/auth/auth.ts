import { betterAuth } from 'better-auth';
import { APIError } from 'better-auth/api';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { nextCookies } from 'better-auth/next-js';
import { db } from '@/lib/db/client';
import { env } from '@/lib/env';
import { usernameSchema } from './username';

function appOrigins(): string[] {
  const { PORT, APP_URL } = env();
  return [APP_URL ?? `http://localhost:${PORT}`, `http://localhost:${PORT}`, `http://127.0.0.1:${PORT}`];
}

function createAuth() {
  const [baseURL, ...otherOrigins] = appOrigins();
  return betterAuth({
    appName: 'Event Flows',
    baseURL,
    trustedOrigins: otherOrigins,
    secret: env().BETTER_AUTH_SECRET,
    database: prismaAdapter(db(), { provider: 'postgresql' }),
    emailAndPassword: { enabled: true, autoSignIn: true, minPasswordLength: 8 },
    telemetry: { enabled: false },
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
            const username = usernameSchema.safeParse(user.username);
            if (!username.success) {
              throw new APIError('BAD_REQUEST', { message: username.error.issues[0]?.message ?? 'Invalid username' });
            }
            if (await db().user.findUnique({ where: { username: username.data } })) {
              throw new APIError('BAD_REQUEST', { message: 'That username is taken' });
            }
            // The first account of an installation administers it.
            const isFirstUser = (await db().user.count()) === 0;
            return { data: { ...user, username: username.data, role: isFirstUser ? 'ADMIN' : 'USER' } };
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
