'use client';

import { authClient } from '@/lib/auth/auth-client';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { useAuthForm } from './use-auth-form';

export function SignInForm({ demoEmail }: { demoEmail?: string }) {
  const { error, pending, onSubmit } = useAuthForm(
    (form) => authClient.signIn.email({ email: String(form.get('email')), password: String(form.get('password')) }),
    'Could not sign in',
  );

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {error ? <Alert>{error}</Alert> : null}
      <Field label="Email" name="email" type="email" autoComplete="email" required defaultValue={demoEmail} />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
