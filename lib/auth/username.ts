import { z } from 'zod';

// Usernames appear in algorithm paths (owner/name/version) and data:// URIs.
export const usernameSchema = z
  .string({ error: 'Username is required' })
  .trim()
  .toLowerCase()
  .min(2, 'Username must be at least 2 characters')
  .max(32, 'Username must be at most 32 characters')
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'Use letters, digits, "-" and "_" only, starting with a letter or digit');

export const USERNAME_IS_FIXED = 'A username cannot be changed: it names your algorithms and data (owner/name, data://owner/…).';
