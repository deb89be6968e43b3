import { describe, expect, it } from 'vitest';
import { roleSessionName } from './role-session-name';

describe('the AssumeRole session name', () => {
  it('names the user and the flow', () => {
    expect(roleSessionName('alice', 'cm1flow')).toBe('event-flows-alice-cm1flow');
  });

  it('stays within STS limits: 64 characters of [\\w+=,.@-], the flow id kept whole', () => {
    const name = roleSessionName('a'.repeat(80), 'cm1abcdefghijklmnopqrstuvw');
    expect(name).toHaveLength(64);
    expect(name).toMatch(/^[\w+=,.@-]{2,64}$/);
    expect(name.endsWith('-cm1abcdefghijklmnopqrstuvw')).toBe(true);
    expect(roleSessionName('bob smith/ü', 'f 1')).toBe('event-flows-bob-smith---f-1');
  });
});
