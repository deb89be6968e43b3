export interface AlgoPath {
  owner: string;
  name: string;
  version?: string;
}

/** `owner/name` or `owner/name/version` from the URL's segments; null for anything else. */
export function parseAlgoPath(segments: readonly string[]): AlgoPath | null {
  if (segments.length < 2 || segments.length > 3 || segments.some((segment) => segment.trim() === '')) return null;
  const [owner, name, version] = segments as [string, string, string | undefined];
  return version === undefined ? { owner, name } : { owner, name, version };
}
