import { z } from 'zod';
import { HTTP_STATUS, type AppErrorCode } from '@/lib/errors';

/** Every error answer of the JSON, data and flow-entry APIs: one shape, built by errorResponse (json-route.ts). */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum([...(Object.keys(HTTP_STATUS) as AppErrorCode[]), 'INTERNAL']).describe('The kind of error; it decides the HTTP status (lib/errors.ts).'),
    message: z.string().describe('What went wrong, in plain words.'),
    fieldErrors: z
      .record(z.string(), z.string())
      .optional()
      .describe('With BAD_REQUEST: one message per invalid field, keyed by its path (e.g. queueUrl, filters.0); nothing was stored.'),
  }),
}).meta({ id: 'Error' });

export type ErrorBody = z.infer<typeof errorBodySchema>;
