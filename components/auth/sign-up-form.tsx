'use client';

import { authClient } from '@/lib/auth/auth-client';
import { MIN_PASSWORD_LENGTH, signUpSchema } from '@/lib/auth/auth-form-input';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { useAuthForm } from './use-auth-form';

export function SignUpForm() {
  const { errors, pending, onSubmit } = useAuthForm(signUpSchema, (values) => authClient.signUp.email(values), 'Could not create the account');

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {errors.form ? <Alert>{errors.form}</Alert> : null}
      <Field label="Name" name="name" autoComplete="name" required error={errors.name} />
      <Field label="Username" name="username" autoComplete="username" required error={errors.username} hint="Your algorithms appear as username/algorithm." />
      <Field label="Email" name="email" type="email" autoComplete="email" required error={errors.email} />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={MIN_PASSWORD_LENGTH}
        error={errors.password}
        hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
      />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? 'Creating account…' : 'Create account'}
      </Button>
    </form>
  );
}
