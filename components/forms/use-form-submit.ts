'use client';

import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { ApiError } from '@/lib/http/fetch-json';
import { fieldErrorsOf } from '@/lib/validation/field-errors-of';

export type FormErrors = Record<string, string | undefined>;
type Values = Record<string, string>;

interface FormSubmitOptions {
  /** The form's fields; errors for anything else are shown at the top of the form (`form`). */
  fields: readonly string[];
  /** Shows a schema field's errors on another form field, e.g. { version: 'algorithm' }. */
  rename?: Record<string, string>;
  /** The shared schema the server validates with too. */
  schema: z.ZodType;
  /** Turns the form's values into what the schema and `send` take. */
  toValues?: (values: Values) => Values;
  send: (values: Values) => Promise<unknown>;
  onSuccess?: () => void;
}

/**
 * Submits a form: validates with the shared schema first, then shows the server's field
 * errors (authoritative) next to the same fields. Keeps the pending state for the button.
 */
export function useFormSubmit({ fields, rename = {}, schema, toValues = (values) => values, send, onSuccess }: FormSubmitOptions) {
  const [errors, setErrors] = useState<FormErrors>({});
  const [pending, setPending] = useState(false);

  function show(fieldErrors: Record<string, string>, fallback: string) {
    const shown: FormErrors = {};
    for (const [field, message] of Object.entries(fieldErrors)) {
      const target = rename[field] ?? field;
      if (fields.includes(target)) shown[target] ??= message;
    }
    setErrors(Object.keys(shown).length > 0 ? shown : { form: fallback });
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = toValues(formValues(event.currentTarget));
    const checked = schema.safeParse(values);
    if (!checked.success) return show(fieldErrorsOf(checked.error), 'Please correct the form');
    setErrors({});
    setPending(true);
    try {
      await send(values);
      onSuccess?.();
    } catch (error) {
      if (error instanceof ApiError) show(error.fieldErrors, error.message);
      else setErrors({ form: 'Could not reach the server. Check your connection and try again.' });
    } finally {
      setPending(false);
    }
  }

  return { errors, pending, onSubmit, showFieldErrors: (fieldErrors: Record<string, string>) => show(fieldErrors, 'Please correct the form'), reset: () => setErrors({}) };
}

/** A form's named text values. */
export function formValues(form: HTMLFormElement): Values {
  const values: Values = {};
  new FormData(form).forEach((value, key) => {
    if (typeof value === 'string') values[key] = value;
  });
  return values;
}
