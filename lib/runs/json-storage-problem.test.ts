import { describe, expect, it } from 'vitest';
import { jsonStorageProblem, MAX_JSON_DEPTH } from './json-storage-problem';

describe('what PostgreSQL cannot store as JSON', () => {
  it('finds \\u0000 and lone surrogates in values and keys, at any depth', () => {
    expect(jsonStorageProblem(JSON.parse('{"a":[1,{"b":"x\\u0000"}]}'))).toMatch(/\\u0000/);
    expect(jsonStorageProblem(JSON.parse('{"\\u0000":1}'))).toMatch(/\\u0000/);
    expect(jsonStorageProblem(JSON.parse('["\\ud800"]'))).toMatch(/surrogate/);
    expect(jsonStorageProblem(JSON.parse('"\\udc00x"'))).toMatch(/surrogate/);
  });

  it('refuses nesting past its depth without overflowing its own stack', () => {
    const deep = (depth: number) => JSON.parse('['.repeat(depth) + ']'.repeat(depth)) as unknown;
    expect(jsonStorageProblem(deep(MAX_JSON_DEPTH))).toBeNull();
    expect(jsonStorageProblem(deep(100_000))).toMatch(/nested more than/);
  });

  it('accepts ordinary JSON, emoji (surrogate pairs) included', () => {
    expect(jsonStorageProblem({ text: 'héllo 👋', n: [1, null, true], nested: { a: { b: 'c' } } })).toBeNull();
  });
});
