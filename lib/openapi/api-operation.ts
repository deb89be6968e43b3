import type { ResponseConfig, RouteConfig } from '@asteasolutions/zod-to-openapi';
import type { z } from 'zod';
import { errorBodySchema } from '@/lib/http/error-body';

// One entry of the OpenAPI document per route and method, written next to the schemas it
// uses (lib/<domain>/<domain>-operations.ts) and listed in api-operations.ts. The test
// lib/openapi/openapi-document.test.ts fails when a route.ts has no entry, or an entry no route.

/** Who may call an operation: the document's security requirement, and the 401/403 it can answer. */
export type ApiAuth = 'session' | 'apiKey' | 'apiKeyOrDataToken' | 'workerToken' | 'none';

export interface ApiAnswer {
  description: string;
  /** The body's schema; none for an empty answer (204). */
  schema?: z.ZodType;
  example?: unknown;
  /** application/json unless said otherwise. */
  contentType?: string;
  headers?: z.ZodObject;
}

export interface ApiOperation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI's form: /api/v1/flows/{id}. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  auth: ApiAuth;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: { schema: z.ZodType; example?: unknown; contentType?: string; description?: string };
  /** The answers that are not errors, by status. */
  answers: Record<number, ApiAnswer>;
  /** The error statuses it may answer besides those of its `auth`, with when; each has the error body. */
  errors?: Record<number, string>;
}

const SECURITY: Record<ApiAuth, RouteConfig['security']> = {
  session: [{ session: [] }],
  apiKey: [{ apiKey: [] }],
  apiKeyOrDataToken: [{ apiKey: [] }, { dataToken: [] }],
  workerToken: [{ workerToken: [] }],
  none: [],
};

const UNAUTHENTICATED: Record<ApiAuth, string | undefined> = {
  session: 'No session: sign in first.',
  apiKey: 'No, wrong or revoked API key.',
  apiKeyOrDataToken: 'No, wrong or revoked API key, or an expired data token.',
  workerToken: 'No or wrong worker token.',
  none: undefined,
};

const CROSS_SITE = 'A cookie-authenticated change sent from another site (Sec-Fetch-Site or Origin).';

function errorAnswer(description: string): ResponseConfig {
  return { description, content: { 'application/json': { schema: errorBodySchema } } };
}

function answerOf({ description, schema, example, contentType = 'application/json', headers }: ApiAnswer): ResponseConfig {
  return { description, headers, content: schema ? { [contentType]: { schema, example } } : undefined };
}

/** The route as zod-to-openapi registers it: security, request, answers and the standard errors. */
export function toRouteConfig(operation: ApiOperation): RouteConfig {
  const { method, path, tag, summary, description, auth, params, query, body, answers } = operation;
  const errors: Record<number, string> = { ...operation.errors };
  const unauthenticated = UNAUTHENTICATED[auth];
  if (unauthenticated) errors[401] ??= unauthenticated;
  if (auth === 'session' && method !== 'get') errors[403] = errors[403] ? `${errors[403]} Also: ${CROSS_SITE}` : CROSS_SITE;
  return {
    method,
    path,
    tags: [tag],
    summary,
    description,
    security: SECURITY[auth],
    request: {
      params,
      query,
      body: body && { description: body.description, required: true, content: { [body.contentType ?? 'application/json']: { schema: body.schema, example: body.example } } },
    },
    responses: {
      ...Object.fromEntries(Object.entries(answers).map(([status, answer]) => [status, answerOf(answer)])),
      ...Object.fromEntries(Object.entries(errors).map(([status, when]) => [status, errorAnswer(when)])),
    },
  };
}
