import { z } from 'zod';
import type { ApiOperation } from '@/lib/openapi/api-operation';
import { algorithmParams, flowParams, runParams } from '@/lib/openapi/path-params';
import { runDetailSchema } from './get-run-detail';
import { runListQuerySchema } from './run-status-filter';
import { runSummarySchema } from './run-summary';

const tag = 'Runs';
const replayed = (description: string) => ({ 200: { description, schema: z.object({ replayed: z.number().int().describe('How many runs went back to the queue.') }) } });

export const runOperations: ApiOperation[] = [
  {
    method: 'get',
    path: '/api/v1/algorithms/{owner}/{name}/runs',
    tag,
    summary: "List an algorithm's runs",
    description: 'The latest 100 runs, newest first.',
    auth: 'session',
    params: algorithmParams,
    query: runListQuerySchema,
    answers: { 200: { description: 'Its runs.', schema: z.object({ runs: z.array(runSummarySchema) }) } },
    errors: { 400: 'An unknown status.', 404: 'No such algorithm, or not yours.' },
  },
  {
    method: 'get',
    path: '/api/v1/runs/{runId}',
    tag,
    summary: 'Get a run',
    description: 'With its input, output, error and attempts.',
    auth: 'session',
    params: runParams,
    answers: { 200: { description: 'The run.', schema: z.object({ run: runDetailSchema }) } },
    errors: { 404: "No such run, or not of your algorithm's." },
  },
  {
    method: 'post',
    path: '/api/v1/runs/{runId}/replay',
    tag,
    summary: 'Replay a dead run',
    description: 'A DEAD or EXPIRED run goes back to the queue as a new attempt of the same run (same id), with a fresh retry budget; it does not pass admission again.',
    auth: 'session',
    params: runParams,
    answers: replayed('Replayed: { "replayed": 1 }.'),
    errors: { 404: "No such run, or not of your algorithm's.", 409: 'The run is not dead.' },
  },
  {
    method: 'post',
    path: '/api/v1/flows/{id}/replay-dead',
    tag,
    summary: "Replay a connection's dead runs",
    description: 'Every DEAD or EXPIRED run of the connection, as for one run.',
    auth: 'session',
    params: flowParams,
    answers: replayed('How many were replayed.'),
    errors: { 404: 'No such connection, or not yours.' },
  },
];
