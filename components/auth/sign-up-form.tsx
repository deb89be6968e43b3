'use client';

import { authClient } from '@/lib/auth/auth-client';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { useAuthForm } from './use-auth-form';

export function SignUpForm() {
  const { error, pending, onSubmit } = useAuthForm(
    (form) =>
      authClient.signUp.email({
        name: String(form.get('name')),
        username: String(form.get('username')),
        email: String(form.get('email')),
        password: String(form.get('password')),
      }),
    'Could not create the account',
  );

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {error ? <Alert>{error}</Alert> : null}
      <Field label="Name" name="name" autoComplete="name" required />
      <Field label="Username" name="username" autoComplete="username" required hint="Your algorithms appear as username/algorithm." />
      <Field label="Email" name="email" type="email" autoComplete="email" required />
      <Field label="Password" name="password" type="password" autoComplete="new-password" required minLength={8} hint="At least 8 characters." />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? 'Creating account…' : 'Create account'}
      </Button>
    </form>
  );
}
