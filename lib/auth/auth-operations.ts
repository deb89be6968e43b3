import { z } from 'zod';
import type { ApiOperation } from '@/lib/openapi/api-operation';
import { signInSchema, signUpSchema } from './auth-form-input';

// /api/auth/* is better-auth's (email and password). Its answers and errors are its own
// shapes; the bodies are the ones our forms check first (auth-form-input.ts).

const tag = 'Sign-in';
const userSchema = z
  .object({ id: z.string(), email: z.string(), name: z.string(), username: z.string(), role: z.enum(['USER', 'ADMIN']) })
  .loose()
  .describe('The signed-in user.');
const signedIn = z.object({ token: z.string().nullable(), user: userSchema });
const betterAuthError = z.object({ code: z.string().optional(), message: z.string() }).describe("better-auth's error body.");
const cookie = z.object({ 'set-cookie': z.string().describe('The session cookie (better-auth.session_token), HTTP-only.') });
const originNote = 'Send an Origin header naming the app (APP_URL), as a browser does.';

export const authOperations: ApiOperation[] = [
  {
    method: 'post',
    path: '/api/auth/sign-up/email',
    tag,
    summary: 'Sign up',
    description: `Creates an account and signs it in. The first account of an installation is its admin. Usernames cannot be changed later. ${originNote}`,
    auth: 'none',
    body: { schema: signUpSchema, example: { name: 'Ezra', username: 'ezra', email: 'ezra@example.com', password: 'a long password' } },
    answers: {
      200: { description: 'Signed up and in; the answer sets the session cookie.', schema: signedIn, headers: cookie },
      400: { description: 'Invalid fields, or the username is taken.', schema: betterAuthError },
      422: { description: 'An account with this email exists already.', schema: betterAuthError },
    },
  },
  {
    method: 'post',
    path: '/api/auth/sign-in/email',
    tag,
    summary: 'Sign in',
    description: `Starts a session: the JSON API then authenticates with its cookie. ${originNote}`,
    auth: 'none',
    body: { schema: signInSchema, example: { email: 'demo@eventflows.local', password: 'eventflows-demo' } },
    answers: {
      200: { description: 'Signed in; the answer sets the session cookie.', schema: signedIn, headers: cookie },
      401: { description: 'That email and password do not match an account.', schema: betterAuthError },
    },
  },
  {
    method: 'post',
    path: '/api/auth/sign-out',
    tag,
    summary: 'Sign out',
    description: `Ends the session of the cookie sent. ${originNote}`,
    auth: 'none',
    answers: { 200: { description: 'Signed out.', schema: z.object({ success: z.boolean() }) } },
  },
  {
    method: 'get',
    path: '/api/auth/get-session',
    tag,
    summary: 'The current session',
    description: 'The session of the cookie sent.',
    auth: 'none',
    answers: { 200: { description: 'The session and its user, or null without one.', schema: z.object({ session: z.object({ expiresAt: z.string() }).loose(), user: userSchema }).nullable() } },
  },
];
