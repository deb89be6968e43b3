import { z } from 'zod';
import { isoTimeSchema } from '@/lib/validation/iso-time';

// What the API shows of a personal API key: never its secret, except once, when it is created.

export const apiKeyViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string().describe('The first characters of the key, to tell keys apart.'),
  createdAt: isoTimeSchema,
  lastUsedAt: isoTimeSchema.nullable().describe('Updated at most once a minute.'),
}).meta({ id: 'ApiKey' });

export const createdApiKeySchema = apiKeyViewSchema.omit({ lastUsedAt: true }).extend({
  key: z.string().describe('The secret: shown only in this answer. Send it as `Authorization: Simple <key>` (or `Bearer <key>`).'),
}).meta({ id: 'CreatedApiKey' });

export type ApiKeyView = z.infer<typeof apiKeyViewSchema>;
export type CreatedApiKey = z.infer<typeof createdApiKeySchema>;
