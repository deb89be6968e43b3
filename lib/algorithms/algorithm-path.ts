// Algorithm paths as users write them: owner/name, or owner/name/version for one version.

export interface AlgorithmPath {
  owner: string;
  name: string;
  version?: string;
}

export function formatAlgorithmPath({ owner, name, version }: AlgorithmPath): string {
  return version ? `${owner}/${name}/${version}` : `${owner}/${name}`;
}

/** Splits "owner/name" or "owner/name/version"; undefined for anything else. */
export function parseAlgorithmPath(input: string): AlgorithmPath | undefined {
  const parts = input.trim().replace(/\/$/, '').split('/');
  const [owner, name, version] = parts;
  if (!owner || !name || parts.length > 3) return undefined;
  return version ? { owner, name, version } : { owner, name };
}
