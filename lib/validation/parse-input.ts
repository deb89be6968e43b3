import type { z } from 'zod';
import { AppError } from '@/lib/errors';
import { fieldErrorsOf } from './field-errors-of';

/** Validates user input; a failure becomes a BAD_REQUEST AppError with one message per field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new AppError('BAD_REQUEST', 'Please correct the highlighted fields', fieldErrorsOf(result.error));
  return result.data;
}
