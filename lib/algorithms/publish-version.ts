import type { Db } from '@/lib/db/client';
import { isUniqueViolation } from '@/lib/db/is-unique-violation';
import { AppError } from '@/lib/errors';
import { parseInput } from '@/lib/validation/parse-input';
import { publishVersionInput } from './algorithm-input';
import { getAlgorithmForOwner } from './get-algorithm-for-owner';
import { compareSemver } from './semver';

/** Publishes a version of the user's algorithm owner/name; it must be greater than the latest. */
export async function publishVersion(db: Db, userId: string, owner: string, name: string, input: unknown) {
  const algorithm = await getAlgorithmForOwner(db, userId, owner, name);
  const { version, endpointUrl } = parseInput(publishVersionInput, input);
  const latest = algorithm.versions[0]?.version;
  if (latest === version) throw versionConflict(version);
  if (latest && compareSemver(version, latest) < 0) {
    const message = `Publish a version greater than the latest, ${latest}`;
    throw new AppError('BAD_REQUEST', message, { version: message });
  }
  try {
    return await db.algorithmVersion.create({ data: { algorithmId: algorithm.id, version, endpointUrl } });
  } catch (error) {
    if (isUniqueViolation(error)) throw versionConflict(version);
    throw error;
  }
}

function versionConflict(version: string): AppError {
  return new AppError('CONFLICT', `Version ${version} is already published`, { version: `Version ${version} is already published` });
}
