'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { authErrorFields, type AuthFormErrors } from '@/lib/auth/auth-form-input';
import { fieldErrorsOf } from '@/lib/validation/field-errors-of';

type AuthCall<T> = (values: T) => Promise<{ error: { message?: string } | null }>;

/**
 * Submits a sign-in or sign-up form through better-auth, then goes Home signed in. The
 * values are checked with `schema` first, so mistakes show next to their fields.
 */
export function useAuthForm<S extends z.ZodType<Record<string, string>>>(schema: S, call: AuthCall<z.output<S>>, fallbackError: string) {
  const router = useRouter();
  const [errors, setErrors] = useState<AuthFormErrors>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = schema.safeParse(Object.fromEntries(new FormData(event.currentTarget)));
    if (!parsed.success) {
      setErrors(fieldErrorsOf(parsed.error));
      return;
    }
    setPending(true);
    setErrors({});
    const { error } = await call(parsed.data);
    if (error) {
      setPending(false);
      setErrors(authErrorFields(error.message, fallbackError));
      return;
    }
    router.replace('/');
    router.refresh();
  }

  return { errors, pending, onSubmit };
}
