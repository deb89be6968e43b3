'use client';

import { authClient } from '@/lib/auth/auth-client';
import { signInSchema } from '@/lib/auth/auth-form-input';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { useAuthForm } from './use-auth-form';

export function SignInForm({ demoEmail }: { demoEmail?: string }) {
  const { errors, pending, onSubmit } = useAuthForm(signInSchema, (values) => authClient.signIn.email(values), 'Could not sign in');

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {errors.form ? <Alert>{errors.form}</Alert> : null}
      <Field label="Email" name="email" type="email" autoComplete="email" required defaultValue={demoEmail} error={errors.email} />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required error={errors.password} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
