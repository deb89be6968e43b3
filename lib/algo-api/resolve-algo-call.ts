import type { Db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { DEFAULT_RUN_TIMEOUT_SECONDS } from '@/lib/runs/run-timeout';
import { parseAlgoPath } from './parse-algo-path';

export const MAX_RUN_TIMEOUT_SECONDS = 3000;

export interface AlgoCall {
  algorithmId: string;
  versionId: string;
  callerId: string;
  timeoutSeconds: number;
  endpointUrl: string;
}

/**
 * Which algorithm version runs, for whom and how long. The algorithm must belong to the
 * caller; anything else is "not found", so callers learn nothing about what they may not see.
 */
export async function resolveAlgoCall(db: Db, segments: string[], callerId: string, timeoutParam: string | null): Promise<AlgoCall> {
  const path = parseAlgoPath(segments);
  const notFound = new AppError('NOT_FOUND', `No algorithm ${segments.slice(0, 2).join('/')}`);
  if (!path) throw notFound;
  const algorithm = await db.algorithm.findFirst({ where: { name: path.name, owner: { username: path.owner } }, select: { id: true, ownerId: true } });
  if (!algorithm || algorithm.ownerId !== callerId) throw notFound;
  const version = await findVersion(db, algorithm.id, path.version);
  return { algorithmId: algorithm.id, versionId: version.id, callerId, timeoutSeconds: timeoutFrom(timeoutParam), endpointUrl: version.endpointUrl };
}

/** The named version, or the latest published one. */
async function findVersion(db: Db, algorithmId: string, version: string | undefined) {
  const row = version
    ? await db.algorithmVersion.findUnique({ where: { algorithmId_version: { algorithmId, version } }, select: { id: true, endpointUrl: true } })
    : await db.algorithmVersion.findFirst({ where: { algorithmId }, orderBy: { createdAt: 'desc' }, select: { id: true, endpointUrl: true } });
  if (!row) throw new AppError('NOT_FOUND', version ? `No published version ${version}` : 'The algorithm has no published version');
  return row;
}

function timeoutFrom(param: string | null): number {
  if (param === null) return DEFAULT_RUN_TIMEOUT_SECONDS;
  const seconds = Number(param);
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > MAX_RUN_TIMEOUT_SECONDS) {
    throw new AppError('BAD_REQUEST', `timeout must be a whole number of seconds from 1 to ${MAX_RUN_TIMEOUT_SECONDS}`);
  }
  return seconds;
}
