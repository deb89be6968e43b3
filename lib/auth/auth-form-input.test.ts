import { describe, expect, it } from 'vitest';
import { fieldErrorsOf } from '@/lib/validation/field-errors-of';
import { authErrorFields, signInSchema, signUpSchema } from './auth-form-input';

describe('the sign-up and sign-in forms', () => {
  it('explain an empty sign-up form field by field, in plain words', () => {
    const result = signUpSchema.safeParse({ name: '', username: '', email: '', password: '' });
    expect(result.success || fieldErrorsOf(result.error)).toEqual({
      name: 'Enter your name',
      username: 'Username must be at least 2 characters',
      email: 'Enter your email address',
      password: 'Use at least 8 characters',
    });
    expect(signInSchema.safeParse({ email: 'not-an-email', password: 'x' }).error?.issues[0]?.message).toBe('Enter an email address like name@example.com');
  });

  it('bound a name to 100 characters, as the server does', () => {
    const valid = { name: 'x'.repeat(100), username: 'ezra', email: 'ezra@example.test', password: 'correct-horse' };
    expect(signUpSchema.safeParse(valid).success).toBe(true);
    const result = signUpSchema.safeParse({ ...valid, name: 'x'.repeat(5_000) });
    expect(result.success || fieldErrorsOf(result.error)).toEqual({ name: 'Name must be at most 100 characters' });
  });

  it('put better-auth’s answers on their fields', () => {
    expect(authErrorFields('That username is taken', 'x')).toEqual({ username: 'That username is taken' });
    expect(authErrorFields('User already exists. Use another email.', 'x')).toEqual({ email: expect.stringMatching(/exists already/) });
    expect(authErrorFields('[body.email] Invalid email address; [body.password] Too small: expected string to have >=8 characters', 'x')).toEqual({
      email: 'Check your email',
      password: 'Use at least 8 characters',
    });
    expect(authErrorFields(undefined, 'Could not sign in')).toEqual({ form: 'Could not sign in' });
    expect(authErrorFields('Name must be at most 100 characters', 'x')).toEqual({ name: 'Name must be at most 100 characters' });
  });
});
