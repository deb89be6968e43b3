import { z } from 'zod';
import { usernameSchema } from './username';

// The sign-up and sign-in forms' rules, in plain words, checked before better-auth is
// called (better-auth checks again, but its messages read "[body.email] Invalid email…").

export const MIN_PASSWORD_LENGTH = 8;
/** A name is shown beside your username; longer ones only widen pages. */
export const MAX_NAME_LENGTH = 100;

/** The account's display name: the sign-up form checks it, and the server again (lib/auth/auth.ts). */
export const nameSchema = z.string().trim().min(1, 'Enter your name').max(MAX_NAME_LENGTH, `Name must be at most ${MAX_NAME_LENGTH} characters`);

const email = z.string().trim().min(1, 'Enter your email address').pipe(z.email('Enter an email address like name@example.com'));

export const signUpSchema = z.object({
  name: nameSchema,
  username: usernameSchema,
  email,
  password: z.string().min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters`).max(128, 'Use at most 128 characters'),
});

export const signInSchema = z.object({
  email,
  password: z.string().min(1, 'Enter your password'),
});

export type AuthFormErrors = Partial<Record<'name' | 'username' | 'email' | 'password' | 'form', string>>;

/** An error better-auth answered, on the field it is about (the whole form otherwise). */
export function authErrorFields(message: string | undefined, fallback: string): AuthFormErrors {
  if (!message) return { form: fallback };
  if (/username/i.test(message)) return { username: message };
  if (/^name\b/i.test(message)) return { name: message };
  if (/already exists|email.*(taken|use)/i.test(message)) return { email: 'An account with this email exists already: sign in instead' };
  if (/invalid email or password/i.test(message)) return { form: 'That email and password do not match an account' };
  // better-auth's own validation: "[body.email] Invalid email address; [body.password] Too small…".
  const fields: AuthFormErrors = {};
  for (const [, field] of message.matchAll(/\[body\.(name|username|email|password)\]/g)) {
    fields[field as keyof AuthFormErrors] ??= field === 'password' ? `Use at least ${MIN_PASSWORD_LENGTH} characters` : `Check your ${field}`;
  }
  return Object.keys(fields).length > 0 ? fields : { form: message };
}
