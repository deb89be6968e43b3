import { z } from 'zod';
import type { ApiOperation } from '@/lib/openapi/api-operation';
import { algorithmParams, flowParams, runParams } from '@/lib/openapi/path-params';
import { pageCursorQuerySchema } from '@/lib/pagination/list-page';
import { runDetailSchema } from './get-run-detail';
import { runPageSchema } from './list-algorithm-runs';
import { replayAnswerSchema } from './replay-answer';
import { runListQuerySchema } from './run-status-filter';

const tag = 'Runs';
const replayed = (description: string) => ({ 200: { description, schema: replayAnswerSchema } });
const NO_ROOM = 'No dead run fitted the queue limits (user or platform): the body says which, with Retry-After.';

export const runOperations: ApiOperation[] = [
  {
    method: 'get',
    path: '/api/v1/algorithms/{owner}/{name}/runs',
    tag,
    summary: "List an algorithm's runs",
    description: 'A page of 50 runs, newest first, with the total.',
    auth: 'session',
    params: algorithmParams,
    query: runListQuerySchema.extend(pageCursorQuerySchema.shape),
    answers: { 200: { description: 'A page of its runs.', schema: runPageSchema } },
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
    description:
      'A DEAD or EXPIRED run goes back to the queue as a new attempt of the same run (same id), with a fresh retry budget, admitted like new work: within your and the platform\'s queue limits.',
    auth: 'session',
    params: runParams,
    answers: replayed('Replayed: { "replayed": 1, "refused": 0 }.'),
    errors: { 404: "No such run, or not of your algorithm's.", 409: 'The run is not dead, or its version was deleted.', 429: NO_ROOM },
  },
  {
    method: 'post',
    path: '/api/v1/flows/{id}/replay-dead',
    tag,
    summary: "Replay a connection's dead runs",
    description: 'The DEAD or EXPIRED runs of the connection, oldest first, as for one run: as many as the queue limits have room for; the others stay dead (`refused`).',
    auth: 'session',
    params: flowParams,
    answers: replayed('How many were replayed, and how many did not fit.'),
    errors: { 404: 'No such connection, or not yours.', 429: NO_ROOM },
  },
];
