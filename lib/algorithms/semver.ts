// Algorithm versions are semantic versions (MAJOR.MINOR.PATCH, optional pre-release).
// Each published version must be greater than the one before, so "latest" is both the
// newest and the highest. Bounded, so no version is too long to show or so high that no
// later one could be published after it: each number at most 9 digits, the whole at most
// 64 characters.

export const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/;
export const MAX_VERSION_LENGTH = 64;
export const MAX_VERSION_NUMBER_DIGITS = 9;

/** Why `version` is not one the platform publishes, in plain words; undefined when it is fine. The one rule for the forms and the API. */
export function versionProblem(version: string): string | undefined {
  if (version.length > MAX_VERSION_LENGTH) return `A version has at most ${MAX_VERSION_LENGTH} characters`;
  const parts = SEMVER.exec(version);
  if (!parts) return 'Use a semantic version like 1.0.0 or 0.2.0';
  const [, major, minor, patch, preRelease] = parts;
  const numbers = [major, minor, patch, ...(preRelease?.split('.') ?? [])].filter((part): part is string => part !== undefined && /^\d+$/.test(part));
  if (numbers.some((number) => number.length > MAX_VERSION_NUMBER_DIGITS)) return `Each number in a version has at most ${MAX_VERSION_NUMBER_DIGITS} digits`;
  return undefined;
}

function compareIdentifiers(a: string, b: string): number {
  const aNumeric = /^\d+$/.test(a);
  const bNumeric = /^\d+$/.test(b);
  if (aNumeric && bNumeric) return Number(a) - Number(b);
  if (aNumeric !== bNumeric) return aNumeric ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Negative when a < b, 0 when equal, positive when a > b (semver precedence). Both must match SEMVER. */
export function compareSemver(a: string, b: string): number {
  const [, aMajor, aMinor, aPatch, aPre] = SEMVER.exec(a) ?? [];
  const [, bMajor, bMinor, bPatch, bPre] = SEMVER.exec(b) ?? [];
  const core = Number(aMajor) - Number(bMajor) || Number(aMinor) - Number(bMinor) || Number(aPatch) - Number(bPatch);
  if (core !== 0) return core;
  // A pre-release ranks below its release: 1.0.0-beta < 1.0.0.
  if (!aPre || !bPre) return aPre ? -1 : bPre ? 1 : 0;
  const aParts = aPre.split('.');
  const bParts = bPre.split('.');
  for (let i = 0; i < Math.min(aParts.length, bParts.length); i++) {
    const order = compareIdentifiers(aParts[i]!, bParts[i]!);
    if (order !== 0) return order;
  }
  return aParts.length - bParts.length;
}
