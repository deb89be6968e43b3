import { describe, expect, it } from 'vitest';
import { compareSemver, SEMVER, versionProblem } from './semver';

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

  it('have numbers of at most 9 digits and at most 64 characters in all', () => {
    expect(versionProblem('999999999.999999999.999999999')).toBeUndefined();
    expect(versionProblem(`1.0.0-${'a'.repeat(58)}`)).toBeUndefined();
    expect(versionProblem('1000000000.0.0')).toBe('Each number in a version has at most 9 digits');
    expect(versionProblem('1.0.0-beta.1234567890')).toBe('Each number in a version has at most 9 digits');
    expect(versionProblem('1.0.0-build1234567890')).toBeUndefined();
    expect(versionProblem(`1.0.0-${'a'.repeat(59)}`)).toBe('A version has at most 64 characters');
    expect(versionProblem('9'.repeat(200) + '.0.0')).toBe('A version has at most 64 characters');
    expect(versionProblem('1.0')).toBe('Use a semantic version like 1.0.0 or 0.2.0');
  });
});
