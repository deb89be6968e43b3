import { z } from 'zod';
import { healthAnswerSchema } from '@/lib/http/health-answer';
import type { ApiOperation } from './api-operation';

const tag = 'Platform';
const localOnly = 'Served in local mode only (404 elsewhere), for the seeded demo algorithms; the platform calls it as an algorithm endpoint.';

export const platformOperations: ApiOperation[] = [
  {
    method: 'get',
    path: '/api/health',
    tag,
    summary: 'Health of the web app',
    description: 'For npm start, load balancers and probes: 200 while the web app reaches its database.',
    auth: 'none',
    answers: {
      200: { description: 'Up.', schema: healthAnswerSchema, example: { status: 'ok' } },
      503: { description: 'The database is unreachable.', schema: healthAnswerSchema, example: { status: 'database unreachable' } },
    },
  },
  {
    method: 'get',
    path: '/api/openapi.json',
    tag,
    summary: 'This document',
    description: 'The OpenAPI 3.1 description of every route, generated from the Zod schemas that validate requests and type answers. Rendered at /docs/api.',
    auth: 'none',
    answers: { 200: { description: 'The OpenAPI document.', schema: z.record(z.string(), z.unknown()) } },
  },
  {
    method: 'post',
    path: '/api/examples/echo',
    tag: 'Examples',
    summary: 'demo/echo: returns its input',
    description: localOnly,
    auth: 'none',
    body: { schema: z.unknown(), example: { hello: 'world' } },
    answers: { 200: { description: 'The input.', schema: z.unknown() } },
    errors: { 404: 'Not in local mode.' },
  },
  {
    method: 'post',
    path: '/api/examples/store-file',
    tag: 'Examples',
    summary: 'demo/store-file: the guide’s example',
    description: `${localOnly} It writes \`input.data\` to \`data://OWNER/COLLECTION/<input.filename>\` through the data API with the run’s token (Authorization).`,
    auth: 'none',
    query: z.object({ owner: z.string().describe('The collection’s owner.'), collection: z.string().describe('The collection to write to.') }),
    body: { schema: z.object({ filename: z.string(), data: z.unknown() }), example: { filename: 'some-new-file.txt', data: 'file contents to store' } },
    answers: {
      200: { description: 'Stored.', schema: z.object({ stored: z.string().describe('The data:// URI written.'), size: z.number().int() }) },
      400: { description: 'No Authorization (not called by the platform), or not {filename, data}.', schema: z.object({ error: z.object({ message: z.string() }) }) },
      502: { description: 'The data API refused the write.', schema: z.object({ error: z.object({ message: z.string() }) }) },
    },
    errors: { 404: 'Not in local mode.' },
  },
];
