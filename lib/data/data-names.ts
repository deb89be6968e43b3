import { z } from 'zod';

// The names inside data://owner/collection/path: one rule for the form, the API and URIs.

export const collectionNameSchema = z
  .string({ error: 'Give the collection a name' })
  .min(1, 'Give the collection a name')
  .max(64, 'At most 64 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'Use letters, digits, "-", "_" and "." only, starting with a letter or digit');

export const filePathSchema = z
  .string()
  .min(1, 'Give the file a name')
  .max(1024, 'At most 1024 characters')
  .refine((path) => !/[\u0000-\u001f\u007f\\]/.test(path), 'No control characters or backslashes')
  .refine((path) => path.split('/').every((part) => part !== '' && part !== '.' && part !== '..'), 'No empty, "." or ".." parts');
