import { z } from 'zod';
import { errorBodySchema } from '@/lib/http/error-body';
import type { ApiOperation } from '@/lib/openapi/api-operation';
import { algorithmParams } from '@/lib/openapi/path-params';
import { runTimeoutParamSchema } from './resolve-algo-call';
import { algoFailureSchema, algoQueuedSchema, algoResultSchema } from './run-algorithm';

const query = z.object({
  output: z.literal('void').optional().describe('void: answer as soon as the run is stored, queued for the executor (asynchronous).'),
  timeout: runTimeoutParamSchema.optional().describe('The run’s timeout in seconds: 1–3000, default 300.'),
});

function runOperation(path: string, params: z.ZodObject, summary: string): ApiOperation {
  return {
    method: 'post',
    path,
    tag: 'Algorithm API',
    summary,
    description:
      'The platform POSTs the input to the version’s endpoint. With Content-Type: application/json the body is parsed as JSON; any other type: the body is the input as a string. At most 10 MB. The key is checked before the body is read.',
    auth: 'apiKey',
    params,
    query,
    body: { schema: z.unknown().describe('The input: any JSON value.'), example: { filename: 'some-new-file.txt', data: 'file contents to store' } },
    answers: {
      200: {
        description: 'Synchronous: the output. With ?output=void: the queued run, sent only after its row is committed.',
        schema: z.union([algoResultSchema, algoQueuedSchema]),
        example: { result: { run_id: 'cmiq3x0k20001' }, metadata: { run_id: 'cmiq3x0k20001', status: 'QUEUED', content_type: 'json', duration: 0 } },
      },
      400: { description: 'The algorithm failed (ALGORITHM_ERROR); bad input (invalid JSON, a bad timeout) has the error body.', schema: z.union([algoFailureSchema, errorBodySchema]) },
      504: { description: 'The run passed its timeout (ALGORITHM_TIMEOUT).', schema: algoFailureSchema },
    },
    errors: {
      404: 'No such algorithm or version, or not yours.',
      413: 'The input is larger than 10 MB.',
      429: 'No room (with Retry-After, 1–60 s): with ?output=void the backlog is full; synchronously, no free execution slot. Nothing is stored.',
    },
  };
}

export const algoApiOperations: ApiOperation[] = [
  runOperation('/v1/algo/{owner}/{name}', algorithmParams, 'Run the latest version of an algorithm'),
  runOperation('/v1/algo/{owner}/{name}/{version}', algorithmParams.extend({ version: z.string().describe('A published version, e.g. 0.1.0.') }), 'Run a version of an algorithm'),
];
