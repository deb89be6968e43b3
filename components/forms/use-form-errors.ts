'use client';

import { useState } from 'react';
import type { z } from 'zod';
import { ApiError } from '@/lib/http/api-client';
import { fieldErrorsOf } from '@/lib/validation/field-errors-of';

export type FormErrors = Record<string, string | undefined>;

/**
 * Field errors of a form: from the shared schema before sending (`validate`), then from
 * the server's answer (`showServerError`), which is authoritative. `rename` maps a
 * schema field to the form field that shows it; errors the form has no field for go
 * to `form`.
 */
export function useFormErrors(fields: readonly string[], rename: Record<string, string> = {}) {
  const [errors, setErrors] = useState<FormErrors>({});

  function show(fieldErrors: Record<string, string>, fallback: string) {
    const shown: FormErrors = {};
    for (const [field, message] of Object.entries(fieldErrors)) {
      const target = rename[field] ?? field;
      if (fields.includes(target)) shown[target] ??= message;
    }
    setErrors(Object.keys(shown).length > 0 ? shown : { form: fallback });
  }

  function validate<S extends z.ZodType>(schema: S, values: unknown): boolean {
    const result = schema.safeParse(values);
    if (result.success) setErrors({});
    else show(fieldErrorsOf(result.error), 'Please correct the form');
    return result.success;
  }

  function showServerError(error: unknown) {
    if (error instanceof ApiError) show(error.fieldErrors, error.message);
    else setErrors({ form: 'Could not reach the server. Check your connection and try again.' });
  }

  return { errors, setErrors, validate, showServerError, reset: () => setErrors({}) };
}

/** A form's named text values, as the schema expects them. */
export function formValues(form: HTMLFormElement): Record<string, string> {
  const values: Record<string, string> = {};
  new FormData(form).forEach((value, key) => {
    if (typeof value === 'string') values[key] = value;
  });
  return values;
}
