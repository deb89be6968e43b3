'use client';

import { useEffect, useRef, useState, type FormEvent, type RefObject } from 'react';
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
  /** The form, when errors may be shown before its first submit (showFieldErrors); else the submitted form. */
  formRef?: RefObject<HTMLFormElement | null>;
}

/**
 * Submits a form: validates with the shared schema first, then shows the server's field
 * errors (authoritative) next to the same fields. Keeps the pending state for the button.
 * An error goes as soon as its field is edited (with the form's own error, which was about
 * that submit), and all of them when a later submit succeeds.
 */
export function useFormSubmit({ fields, rename = {}, schema, toValues = (values) => values, send, onSuccess, formRef }: FormSubmitOptions) {
  const [errors, setErrors] = useState<FormErrors>({});
  const [pending, setPending] = useState(false);
  const submitted = useRef<HTMLFormElement | null>(null);
  const form = formRef ?? submitted;

  useEffect(() => {
    const shown = form.current;
    if (!shown || Object.values(errors).every((error) => !error)) return;
    function clearEdited(event: Event) {
      const field = fieldOf(event.target);
      if (field) clear([field, 'form']);
    }
    shown.addEventListener('input', clearEdited);
    shown.addEventListener('change', clearEdited);
    return () => {
      shown.removeEventListener('input', clearEdited);
      shown.removeEventListener('change', clearEdited);
    };
  }, [errors, form]);

  function clear(names: readonly string[]) {
    setErrors((current) => (names.some((name) => current[name]) ? Object.fromEntries(Object.entries(current).filter(([name]) => !names.includes(name))) : current));
  }

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
    submitted.current = event.currentTarget;
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

  return {
    errors,
    pending,
    onSubmit,
    showFieldErrors: (fieldErrors: Record<string, string>) => show(fieldErrors, 'Please correct the form'),
    /** Clears the errors of these fields (e.g. after a check found their values valid). */
    clearErrors: clear,
    reset: () => setErrors({}),
  };
}

/** The error key of an edited element: its name, or `data-field` for inputs the form does not send (a filter pattern). */
function fieldOf(target: EventTarget | null): string | undefined {
  if (!(target instanceof HTMLElement)) return undefined;
  return target.getAttribute('name') || target.dataset.field || undefined;
}

/** A form's named text values. */
export function formValues(form: HTMLFormElement): Values {
  const values: Values = {};
  new FormData(form).forEach((value, key) => {
    if (typeof value === 'string') values[key] = value;
  });
  return values;
}
