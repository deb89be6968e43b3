'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';

type AuthCall = (form: FormData) => Promise<{ error: { message?: string } | null }>;

/** Submits a sign-in or sign-up form through better-auth, then goes Home signed in. */
export function useAuthForm(call: AuthCall, fallbackError: string) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(undefined);
    const { error } = await call(new FormData(event.currentTarget));
    if (error) {
      setPending(false);
      setError(error.message ?? fallbackError);
      return;
    }
    router.replace('/');
    router.refresh();
  }

  return { error, pending, onSubmit };
}
