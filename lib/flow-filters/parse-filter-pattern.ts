// Message filters in the shape of Lambda's SQS filter criteria, applied to the message
// body: { "type": ["order"], "amount": [{ "numeric": [">", 10] }], "meta": { "region": [{ "prefix": "eu-" }] } }.
// Keys are AND-ed, the matchers of one key OR-ed, patterns OR-ed (lib/flow-filters/match-filters.ts).

export type Primitive = string | number | boolean | null;

export type Matcher =
  | { kind: 'equals'; value: Primitive }
  | { kind: 'prefix'; value: string }
  | { kind: 'suffix'; value: string }
  | { kind: 'anything-but'; values: Primitive[] }
  | { kind: 'anything-but-prefix'; value: string }
  | { kind: 'numeric'; comparisons: Array<{ op: NumericOp; value: number }> }
  | { kind: 'exists'; value: boolean };

export type NumericOp = '<' | '<=' | '=' | '>' | '>=';

/** A validated pattern: per key, either matchers (OR-ed) or a nested pattern. */
export interface FilterPattern {
  [key: string]: Matcher[] | FilterPattern;
}

/** A pattern as written (and stored): a JSON object. */
export type FilterPatternJson = Record<string, unknown>;

export type ParsedPattern = { ok: true; pattern: FilterPattern; json: FilterPatternJson } | { ok: false; reason: string };

export const MAX_FILTER_PATTERNS = 5;
/** Lambda's default limit for one filter's text. */
export const MAX_FILTER_PATTERN_CHARS = 2048;
const MAX_DEPTH = 8;
const NUMERIC_OPS = new Set<string>(['<', '<=', '=', '>', '>=']);
// Keys that name an object's prototype machinery: `pattern[key] = …` with "__proto__"
// would set the pattern's prototype instead, leaving an empty pattern that matches everything.
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

class PatternError extends Error {}

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isPrimitive = (value: unknown): value is Primitive =>
  value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));

/** Checks a pattern (JSON text or a parsed value); the reason is in plain words. */
export function parseFilterPattern(input: unknown): ParsedPattern {
  let value = input;
  if (typeof input === 'string') {
    if (input.length > MAX_FILTER_PATTERN_CHARS) return { ok: false, reason: `A pattern is at most ${MAX_FILTER_PATTERN_CHARS} characters` };
    try {
      value = JSON.parse(input) as unknown;
    } catch {
      return { ok: false, reason: 'Not valid JSON: write a pattern like {"type": ["order"]}' };
    }
  } else if (JSON.stringify(input ?? null).length > MAX_FILTER_PATTERN_CHARS) {
    return { ok: false, reason: `A pattern is at most ${MAX_FILTER_PATTERN_CHARS} characters` };
  }
  try {
    return { ok: true, pattern: patternOf(value, [], 0), json: value as FilterPatternJson };
  } catch (error) {
    if (error instanceof PatternError) return { ok: false, reason: error.message };
    throw error;
  }
}

function patternOf(value: unknown, path: string[], depth: number): FilterPattern {
  const where = path.length ? ` at "${path.join('.')}"` : '';
  if (!isPlainObject(value)) throw new PatternError(`A pattern is a JSON object of keys${where}, like {"type": ["order"]}`);
  if (depth >= MAX_DEPTH) throw new PatternError(`Patterns nest at most ${MAX_DEPTH} levels`);
  const entries = Object.entries(value);
  if (entries.length === 0) throw new PatternError(`Give at least one key to match${where}`);
  const pattern: FilterPattern = {};
  for (const [key, field] of entries) {
    const at = [...path, key];
    if (RESERVED_KEYS.has(key)) throw new PatternError(`"${at.join('.')}" cannot be a key of a pattern (nor can ${[...RESERVED_KEYS].filter((k) => k !== key).join(' or ')})`);
    if (Array.isArray(field)) pattern[key] = matchersOf(field, at.join('.'));
    else if (isPlainObject(field)) pattern[key] = patternOf(field, at, depth + 1);
    else throw new PatternError(`"${at.join('.')}" needs a list of values, like ["${String(field)}"], or a nested object`);
  }
  return pattern;
}

function matchersOf(list: unknown[], key: string): Matcher[] {
  if (list.length === 0) throw new PatternError(`"${key}" has an empty list: give at least one value to match`);
  return list.map((item) => matcherOf(item, key));
}

function matcherOf(item: unknown, key: string): Matcher {
  if (isPrimitive(item)) return { kind: 'equals', value: item };
  if (!isPlainObject(item)) throw new PatternError(`"${key}" lists a value that is not a string, number, boolean, null or rule object`);
  const entries = Object.entries(item);
  if (entries.length !== 1) throw new PatternError(`"${key}": a rule object has exactly one rule, e.g. {"prefix": "eu-"}`);
  const [[rule, operand]] = entries as [[string, unknown]];
  switch (rule) {
    case 'prefix':
    case 'suffix':
      if (typeof operand !== 'string' || operand === '') throw new PatternError(`"${key}": "${rule}" takes a non-empty string`);
      return { kind: rule, value: operand };
    case 'exists':
      if (typeof operand !== 'boolean') throw new PatternError(`"${key}": "exists" takes true or false`);
      return { kind: 'exists', value: operand };
    case 'anything-but':
      return anythingBut(operand, key);
    case 'numeric':
      return numeric(operand, key);
    default:
      throw new PatternError(`"${key}": unknown rule "${rule}" (use prefix, suffix, anything-but, numeric or exists)`);
  }
}

function anythingBut(operand: unknown, key: string): Matcher {
  if (isPrimitive(operand)) return { kind: 'anything-but', values: [operand] };
  if (Array.isArray(operand) && operand.length > 0 && operand.every(isPrimitive)) return { kind: 'anything-but', values: operand };
  if (isPlainObject(operand) && typeof operand.prefix === 'string' && Object.keys(operand).length === 1 && operand.prefix !== '') {
    return { kind: 'anything-but-prefix', value: operand.prefix };
  }
  throw new PatternError(`"${key}": "anything-but" takes a value, a non-empty list of values, or {"prefix": "…"}`);
}

function numeric(operand: unknown, key: string): Matcher {
  const bad = () => new PatternError(`"${key}": "numeric" takes one or two comparisons, like [">", 0, "<=", 100] or ["=", 5]`);
  if (!Array.isArray(operand) || (operand.length !== 2 && operand.length !== 4)) throw bad();
  const comparisons: Array<{ op: NumericOp; value: number }> = [];
  for (let index = 0; index < operand.length; index += 2) {
    const op: unknown = operand[index];
    const value: unknown = operand[index + 1];
    if (typeof op !== 'string' || !NUMERIC_OPS.has(op) || typeof value !== 'number' || !Number.isFinite(value)) throw bad();
    comparisons.push({ op: op as NumericOp, value });
  }
  if (comparisons.length === 2 && comparisons.some((c) => c.op === '=')) throw bad();
  return { kind: 'numeric', comparisons };
}
