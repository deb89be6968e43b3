import { z } from 'zod';
import type { ApiOperation } from '@/lib/openapi/api-operation';
import { apiKeyViewSchema, createdApiKeySchema } from './api-key-view';
import { createApiKeyInput } from './create-api-key';

const tag = 'API keys';

export const apiKeyOperations: ApiOperation[] = [
  {
    method: 'get',
    path: '/api/v1/api-keys',
    tag,
    summary: 'List your API keys',
    description: 'The keys not revoked, newest first; never their secrets.',
    auth: 'session',
    answers: { 200: { description: 'Your keys.', schema: z.object({ apiKeys: z.array(apiKeyViewSchema) }) } },
  },
  {
    method: 'post',
    path: '/api/v1/api-keys',
    tag,
    summary: 'Create an API key',
    description: 'For the algorithm and data APIs. The key is in this answer only: the platform keeps its SHA-256.',
    auth: 'session',
    body: { schema: createApiKeyInput, example: { name: 'laptop' } },
    answers: { 200: { description: 'The new key, with its secret.', schema: z.object({ apiKey: createdApiKeySchema }) } },
    errors: { 400: 'No name, or one over 64 characters (fieldErrors).' },
  },
  {
    method: 'delete',
    path: '/api/v1/api-keys/{id}',
    tag,
    summary: 'Revoke an API key',
    description: 'It stops working at once.',
    auth: 'session',
    params: z.object({ id: z.string().describe("The key's id.") }),
    answers: { 200: { description: 'Revoked.', schema: z.object({ ok: z.literal(true) }) } },
    errors: { 404: 'No such key of yours.' },
  },
];
