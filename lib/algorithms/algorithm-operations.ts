import { z } from 'zod';
import type { ApiOperation } from '@/lib/openapi/api-operation';
import { algorithmParams } from '@/lib/openapi/path-params';
import { createAlgorithmInput, publishVersionInput } from './algorithm-input';
import { algorithmListItemSchema, algorithmVersionViewSchema, algorithmViewSchema } from './algorithm-view';

const tag = 'Algorithms';

export const algorithmOperations: ApiOperation[] = [
  {
    method: 'get',
    path: '/api/v1/algorithms',
    tag,
    summary: 'List your algorithms',
    description: 'Newest first.',
    auth: 'session',
    answers: { 200: { description: 'Your algorithms.', schema: z.object({ algorithms: z.array(algorithmListItemSchema) }) } },
  },
  {
    method: 'post',
    path: '/api/v1/algorithms',
    tag,
    summary: 'Create an algorithm',
    auth: 'session',
    body: { schema: createAlgorithmInput, example: { name: 'store-file', description: 'Stores each message as a file.' } },
    answers: { 201: { description: 'Created.', schema: z.object({ algorithm: algorithmViewSchema }) } },
    errors: { 400: 'Invalid name or description (fieldErrors).', 409: 'You already have an algorithm with that name.' },
  },
  {
    method: 'get',
    path: '/api/v1/algorithms/{owner}/{name}',
    tag,
    summary: 'Get one of your algorithms',
    description: 'With its versions, newest first. `endpoint` is `owner/name/<latest version>`.',
    auth: 'session',
    params: algorithmParams,
    answers: { 200: { description: 'The algorithm.', schema: z.object({ algorithm: algorithmViewSchema }) } },
    errors: { 404: 'No such algorithm, or not yours.' },
  },
  {
    method: 'post',
    path: '/api/v1/algorithms/{owner}/{name}/versions',
    tag,
    summary: 'Publish a version',
    description: 'A semantic version greater than the latest, and the endpoint URL the platform POSTs each input to (checked against the egress policy).',
    auth: 'session',
    params: algorithmParams,
    body: { schema: publishVersionInput, example: { version: '0.1.0', endpointUrl: 'https://algorithms.example.com/store-file' } },
    answers: { 201: { description: 'Published.', schema: z.object({ version: algorithmVersionViewSchema }) } },
    errors: {
      400: 'Not a semantic version, not greater than the latest, or an endpoint URL the egress policy refuses (fieldErrors).',
      404: 'No such algorithm, or not yours.',
      409: 'That version is published already.',
    },
  },
  {
    method: 'delete',
    path: '/api/v1/algorithms/{owner}/{name}/versions/{version}',
    tag,
    summary: 'Delete a version',
    description: 'Only a version with no run waiting or running; its finished runs are kept. A connection pinned to it then says it cannot run until it is edited.',
    auth: 'session',
    params: algorithmParams.extend({ version: z.string().describe('The version, e.g. 1.0.0.') }),
    answers: { 204: { description: 'Deleted.' } },
    errors: { 404: 'No such algorithm or version, or not yours.', 409: 'A run of it is waiting or running.' },
  },
];
