import { z } from 'zod';
import { sqlPool, type Db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { DEFAULT_RUN_TIMEOUT_SECONDS } from '@/lib/runs/run-timeout';
import { parseAlgoPath } from './parse-algo-path';

export const MAX_RUN_TIMEOUT_SECONDS = 3000;

/** `?timeout=`: the run's timeout in seconds. */
export const runTimeoutParamSchema = z.coerce.number().int().min(1).max(MAX_RUN_TIMEOUT_SECONDS);

export interface AlgoCall {
  algorithmId: string;
  versionId: string;
  callerId: string;
  timeoutSeconds: number;
  endpointUrl: string;
}

// The algorithm and the version to run (the named one, else the latest published) in one
// named statement: it is read on every algorithm API call.
const READ_ALGO_VERSION = {
  name: 'read-algo-version',
  text: `
    SELECT a."id" AS "algorithmId", a."ownerId", v."id" AS "versionId", v."endpointUrl"
    FROM "Algorithm" a JOIN "User" o ON o."id" = a."ownerId"
    LEFT JOIN LATERAL (
      SELECT "id", "endpointUrl" FROM "AlgorithmVersion"
      WHERE "algorithmId" = a."id" AND ($3::text IS NULL OR "version" = $3) ORDER BY "createdAt" DESC LIMIT 1
    ) v ON true
    WHERE o."username" = $1 AND a."name" = $2`,
};

/**
 * Which algorithm version runs, for whom and how long. The algorithm must belong to the
 * caller; anything else is "not found", so callers learn nothing about what they may not see.
 */
export async function resolveAlgoCall(db: Db, segments: string[], callerId: string, timeoutParam: string | null): Promise<AlgoCall> {
  const path = parseAlgoPath(segments);
  const notFound = new AppError('NOT_FOUND', `No algorithm ${segments.slice(0, 2).join('/')}`);
  if (!path) throw notFound;
  const {
    rows: [found],
  } = await sqlPool(db).query<{ algorithmId: string; ownerId: string; versionId: string | null; endpointUrl: string | null }>({
    ...READ_ALGO_VERSION,
    values: [path.owner, path.name, path.version ?? null],
  });
  if (!found || found.ownerId !== callerId) throw notFound;
  if (!found.versionId || found.endpointUrl === null) {
    throw new AppError('NOT_FOUND', path.version ? `No published version ${path.version}` : 'The algorithm has no published version');
  }
  const { algorithmId, versionId, endpointUrl } = found;
  return { algorithmId, versionId, callerId, timeoutSeconds: timeoutFrom(timeoutParam), endpointUrl };
}

function timeoutFrom(param: string | null): number {
  if (param === null) return DEFAULT_RUN_TIMEOUT_SECONDS;
  const seconds = runTimeoutParamSchema.safeParse(param);
  if (!seconds.success) throw new AppError('BAD_REQUEST', `timeout must be a whole number of seconds from 1 to ${MAX_RUN_TIMEOUT_SECONDS}`);
  return seconds.data;
}
