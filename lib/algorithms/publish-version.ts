import type { Db } from '@/lib/db/client';
import { isUniqueViolation } from '@/lib/db/is-unique-violation';
import { env, isLocalSqs } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { algorithmEgress } from '@/lib/outgoing-http/algorithm-egress';
import { endpointUrlRefusal } from '@/lib/outgoing-http/guarded-lookup';
import { notifyAlgorithmFlows } from '@/lib/flows/notify-algorithm-flows';
import { getPlatformSettings } from '@/lib/settings/get-platform-settings';
import { parseInput } from '@/lib/validation/parse-input';
import { publishVersionInput } from './algorithm-input';
import { getAlgorithmForOwner } from './get-algorithm-for-owner';
import { compareSemver } from './semver';

/**
 * Publishes a version of the user's algorithm owner/name; it must be greater than the
 * latest, and its endpoint one the egress policy lets the platform call (loopback only
 * in local mode, which tests in this process say explicitly).
 */
export async function publishVersion(db: Db, userId: string, owner: string, name: string, input: unknown, options = { localMode: isLocalSqs(env()) }) {
  const algorithm = await getAlgorithmForOwner(db, userId, owner, name);
  const { version, endpointUrl } = parseInput(publishVersionInput, input);
  const latest = algorithm.versions[0]?.version;
  if (latest === version) throw versionConflict(version);
  if (latest && compareSemver(version, latest) < 0) {
    const message = `Publish a version greater than the latest, ${latest}`;
    throw new AppError('BAD_REQUEST', message, { version: message });
  }
  // Checked again on every call: a name may resolve elsewhere later.
  const refusal = await endpointUrlRefusal(endpointUrl, algorithmEgress(await getPlatformSettings(db), options.localMode).policy);
  if (refusal) throw new AppError('BAD_REQUEST', 'The platform may not call this endpoint', { endpointUrl: `Not allowed: ${refusal}` });
  try {
    return await db.$transaction(async (tx) => {
      const created = await tx.algorithmVersion.create({ data: { algorithmId: algorithm.id, version, endpointUrl } });
      // A connection waiting for a version to run (ERROR) polls again at once.
      await notifyAlgorithmFlows(tx, algorithm.id);
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw versionConflict(version);
    throw error;
  }
}

function versionConflict(version: string): AppError {
  return new AppError('CONFLICT', `Version ${version} is already published`, { version: `Version ${version} is already published` });
}
