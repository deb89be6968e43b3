import { describe, expect, it } from 'vitest';
import { compareSemver, SEMVER } from './semver';

describe('semantic versions', () => {
  it('match MAJOR.MINOR.PATCH with an optional pre-release', () => {
    for (const version of ['0.2.0', '1.0.0', '10.20.30', '1.0.0-beta.1']) expect(version).toMatch(SEMVER);
    for (const version of ['1', '1.0', '01.0.0', 'v1.0.0', '1.0.0-', '1.0.0+build', 'latest']) expect(version).not.toMatch(SEMVER);
  });

  it('order by precedence, numerically and with pre-releases below their release', () => {
    const sorted = ['1.0.0', '0.10.0', '1.0.0-beta.11', '0.9.1', '1.0.0-alpha', '1.0.0-beta.2', '2.0.0', '1.0.0-beta'].sort(compareSemver);
    expect(sorted).toEqual(['0.9.1', '0.10.0', '1.0.0-alpha', '1.0.0-beta', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0', '2.0.0']);
    expect(compareSemver('1.2.3', '1.2.3')).toBe(0);
  });
});
