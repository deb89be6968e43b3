import type { OwnedAlgorithm } from './get-algorithm-for-owner';
import { formatAlgorithmPath } from './algorithm-path';

// What the API shows of an algorithm: its path, description and versions (newest first).

export interface AlgorithmVersionView {
  version: string;
  endpointUrl: string;
  createdAt: string;
}

export interface AlgorithmView {
  owner: string;
  name: string;
  description: string;
  /** owner/name/<latest version>, or owner/name before the first version. */
  endpoint: string;
  latestVersion: string | null;
  versions: AlgorithmVersionView[];
  createdAt: string;
}

export function toAlgorithmView(algorithm: OwnedAlgorithm): AlgorithmView {
  const latestVersion = algorithm.versions[0]?.version ?? null;
  const owner = algorithm.owner.username;
  return {
    owner,
    name: algorithm.name,
    description: algorithm.description,
    endpoint: formatAlgorithmPath({ owner, name: algorithm.name, version: latestVersion ?? undefined }),
    latestVersion,
    versions: algorithm.versions.map(({ version, endpointUrl, createdAt }) => ({ version, endpointUrl, createdAt: createdAt.toISOString() })),
    createdAt: algorithm.createdAt.toISOString(),
  };
}
