import { describe, expect, it } from 'vitest';
import { matchesFilters } from './match-filters';
import { parseFilterPattern, type FilterPattern } from './parse-filter-pattern';

function patterns(...texts: string[]): FilterPattern[] {
  return texts.map((text) => {
    const parsed = parseFilterPattern(text);
    if (!parsed.ok) throw new Error(parsed.reason);
    return parsed.pattern;
  });
}

const matches = (pattern: string, body: unknown) => matchesFilters(patterns(pattern), typeof body === 'string' ? body : JSON.stringify(body));

describe('message filters', () => {
  it('let every message through when there are none', () => {
    expect(matchesFilters(null, 'plain text')).toBe(true);
    expect(matchesFilters([], '{}')).toBe(true);
  });

  it('match exact values, and any element of a list in the message', () => {
    expect(matches('{"type": ["order"]}', { type: 'order' })).toBe(true);
    expect(matches('{"type": ["order"]}', { type: 'refund' })).toBe(false);
    expect(matches('{"type": ["order", "refund"]}', { type: 'refund' })).toBe(true);
    expect(matches('{"n": [5]}', { n: 5 })).toBe(true);
    expect(matches('{"n": [5]}', { n: '5' })).toBe(false);
    expect(matches('{"flag": [true]}', { flag: true })).toBe(true);
    expect(matches('{"gone": [null]}', { gone: null })).toBe(true);
    expect(matches('{"tags": ["red"]}', { tags: ['blue', 'red'] })).toBe(true);
  });

  it('AND the keys of a pattern and OR the patterns', () => {
    expect(matches('{"type": ["order"], "region": ["eu"]}', { type: 'order', region: 'us' })).toBe(false);
    expect(matchesFilters(patterns('{"type": ["order"]}', '{"region": ["eu"]}'), JSON.stringify({ type: 'x', region: 'eu' }))).toBe(true);
  });

  it('match prefix and suffix on strings only', () => {
    expect(matches('{"id": [{"prefix": "o-"}]}', { id: 'o-17' })).toBe(true);
    expect(matches('{"id": [{"prefix": "o-"}]}', { id: 17 })).toBe(false);
    expect(matches('{"file": [{"suffix": ".csv"}]}', { file: 'a.csv' })).toBe(true);
    expect(matches('{"file": [{"suffix": ".csv"}]}', { file: 'a.json' })).toBe(false);
  });

  it('match anything-but, and not a missing key', () => {
    expect(matches('{"state": [{"anything-but": ["test", "dev"]}]}', { state: 'prod' })).toBe(true);
    expect(matches('{"state": [{"anything-but": ["test", "dev"]}]}', { state: 'dev' })).toBe(false);
    expect(matches('{"state": [{"anything-but": "test"}]}', {})).toBe(false);
    expect(matches('{"region": [{"anything-but": {"prefix": "us-"}}]}', { region: 'eu-west-1' })).toBe(true);
    expect(matches('{"region": [{"anything-but": {"prefix": "us-"}}]}', { region: 'us-east-1' })).toBe(false);
  });

  it('match numeric ranges on numbers', () => {
    const range = '{"amount": [{"numeric": [">", 0, "<=", 100]}]}';
    expect(matches(range, { amount: 100 })).toBe(true);
    expect(matches(range, { amount: 0 })).toBe(false);
    expect(matches(range, { amount: 101 })).toBe(false);
    expect(matches(range, { amount: '50' })).toBe(false);
    expect(matches('{"n": [{"numeric": ["=", 3.5]}]}', { n: 3.5 })).toBe(true);
    expect(matches('{"n": [{"numeric": [">=", 10]}]}', { n: 9 })).toBe(false);
  });

  it('match exists true and false', () => {
    expect(matches('{"trace": [{"exists": true}]}', { trace: 'x' })).toBe(true);
    expect(matches('{"trace": [{"exists": true}]}', {})).toBe(false);
    expect(matches('{"trace": [{"exists": false}]}', {})).toBe(true);
    expect(matches('{"trace": [{"exists": false}]}', { trace: null })).toBe(false);
  });

  it('match nested keys, also inside a list of objects', () => {
    const nested = '{"meta": {"region": ["eu"], "env": {"name": [{"prefix": "prod"}]}}}';
    expect(matches(nested, { meta: { region: 'eu', env: { name: 'prod-1' } } })).toBe(true);
    expect(matches(nested, { meta: { region: 'eu', env: { name: 'dev' } } })).toBe(false);
    expect(matches(nested, { meta: 'eu' })).toBe(false);
    expect(matches('{"items": {"sku": ["A"]}}', { items: [{ sku: 'B' }, { sku: 'A' }] })).toBe(true);
  });

  it('match no pattern for a body that is not a JSON object', () => {
    expect(matches('{"type": ["order"]}', 'order')).toBe(false);
    expect(matches('{"type": ["order"]}', '[{"type": "order"}]')).toBe(false);
    expect(matches('{"trace": [{"exists": false}]}', '42')).toBe(false);
  });
});
