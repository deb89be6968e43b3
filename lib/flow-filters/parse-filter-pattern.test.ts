import { describe, expect, it } from 'vitest';
import { filtersSchema } from './filters-input';
import { parseFilterPattern } from './parse-filter-pattern';

const reasonOf = (input: unknown) => {
  const parsed = parseFilterPattern(input);
  return parsed.ok ? null : parsed.reason;
};

describe('a filter pattern', () => {
  it('accepts exact values, prefix, suffix, anything-but, numeric ranges, exists and nested keys', () => {
    const parsed = parseFilterPattern(
      '{"type": ["order", "refund"], "id": [{"prefix": "o-"}], "file": [{"suffix": ".csv"}], "state": [{"anything-but": ["test"]}],' +
        ' "amount": [{"numeric": [">", 0, "<=", 100]}], "trace": [{"exists": false}], "meta": {"region": [{"anything-but": {"prefix": "us-"}}]}}',
    );
    expect(parsed.ok).toBe(true);
  });

  it('says in plain words what is wrong', () => {
    expect(reasonOf('{"type": "order"')).toMatch(/Not valid JSON/);
    expect(reasonOf('["order"]')).toMatch(/JSON object of keys/);
    expect(reasonOf('{}')).toMatch(/at least one key/);
    expect(reasonOf('{"type": "order"}')).toMatch(/"type" needs a list of values/);
    expect(reasonOf('{"type": []}')).toMatch(/empty list/);
    expect(reasonOf('{"n": [{"numeric": [">", "1"]}]}')).toMatch(/"n": "numeric" takes/);
    expect(reasonOf('{"n": [{"numeric": ["=", 1, "<", 4]}]}')).toMatch(/numeric/);
    expect(reasonOf('{"n": [{"between": [1, 2]}]}')).toMatch(/unknown rule "between"/);
    expect(reasonOf('{"n": [{"prefix": "a", "suffix": "b"}]}')).toMatch(/exactly one rule/);
    expect(reasonOf('{"a": {"b": [{"exists": "yes"}]}}')).toMatch(/"a.b": "exists" takes true or false/);
    expect(reasonOf(`{"a": ["${'x'.repeat(2100)}"]}`)).toMatch(/at most 2048 characters/);
  });

  it('refuses the keys __proto__, constructor and prototype, at any depth, rather than compile them to a pattern that matches everything', () => {
    expect(reasonOf('{"__proto__": ["x"]}')).toBe('"__proto__" cannot be a key of a pattern (nor can constructor or prototype)');
    expect(reasonOf('{"type": ["order"], "constructor": ["x"]}')).toMatch(/^"constructor" cannot be a key/);
    expect(reasonOf('{"meta": {"prototype": [{"exists": true}]}}')).toMatch(/^"meta.prototype" cannot be a key/);
    // As the API receives it (parsed JSON, where __proto__ is an own key): a field error on its pattern.
    const result = filtersSchema.safeParse(JSON.parse('[{"type": ["order"]}, {"__proto__": ["x"]}]'));
    expect(result.error?.issues[0]).toMatchObject({ path: [1], message: expect.stringMatching(/^"__proto__" cannot be a key/) });
  });
});

describe('the filters field', () => {
  it('takes the form\'s JSON list of pattern texts, drops blank ones, and keys errors by pattern', () => {
    expect(filtersSchema.parse(JSON.stringify(['{"type": ["order"]}', '  ']))).toEqual([{ type: ['order'] }]);
    expect(filtersSchema.parse('')).toBeUndefined();
    expect(filtersSchema.parse([])).toBeUndefined();
    const result = filtersSchema.safeParse([{ type: ['order'] }, '{"type": "x"}']);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([1]);
  });

  it('allows at most five patterns', () => {
    const result = filtersSchema.safeParse(Array.from({ length: 6 }, (_, n) => ({ n: [n] })));
    expect(result.error?.issues[0]?.message).toBe('At most 5 patterns');
  });
});
