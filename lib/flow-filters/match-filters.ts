import type { FilterPattern, Matcher, Primitive } from './parse-filter-pattern';

/**
 * Whether a message body passes a flow's filters: no filters let everything through;
 * otherwise the body must be a JSON object that at least one pattern matches. A body
 * that is not JSON matches no pattern (Lambda drops those too).
 */
export function matchesFilters(patterns: readonly FilterPattern[] | null | undefined, body: string): boolean {
  if (!patterns || patterns.length === 0) return true;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return false;
  }
  if (!isObject(parsed)) return false;
  return patterns.some((pattern) => matchesPattern(pattern, parsed));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function matchesPattern(pattern: FilterPattern, object: Record<string, unknown>): boolean {
  return Object.entries(pattern).every(([key, rule]) => {
    const present = Object.hasOwn(object, key);
    const value = present ? object[key] : undefined;
    if (!Array.isArray(rule)) {
      // A nested pattern matches an object, or any object of an array.
      const candidates = Array.isArray(value) ? value : [value];
      return candidates.some((candidate) => isObject(candidate) && matchesPattern(rule, candidate));
    }
    return rule.some((matcher) => matchesField(matcher, present, value));
  });
}

function matchesField(matcher: Matcher, present: boolean, value: unknown): boolean {
  if (matcher.kind === 'exists') return matcher.value === (present && value !== undefined);
  if (!present) return false;
  // As in Lambda, a list in the message matches when one of its elements does.
  const values = Array.isArray(value) ? value : [value];
  if (matcher.kind === 'anything-but') return values.length > 0 && values.every((v) => isPrimitive(v) && !matcher.values.some((no) => no === v));
  if (matcher.kind === 'anything-but-prefix') return values.length > 0 && values.every((v) => typeof v === 'string' && !v.startsWith(matcher.value));
  return values.some((v) => matchesValue(matcher, v));
}

function matchesValue(matcher: Exclude<Matcher, { kind: 'exists' | 'anything-but' | 'anything-but-prefix' }>, value: unknown): boolean {
  switch (matcher.kind) {
    case 'equals':
      return value === matcher.value;
    case 'prefix':
      return typeof value === 'string' && value.startsWith(matcher.value);
    case 'suffix':
      return typeof value === 'string' && value.endsWith(matcher.value);
    case 'numeric':
      return typeof value === 'number' && matcher.comparisons.every(({ op, value: bound }) => compare(value, op, bound));
  }
}

function compare(value: number, op: string, bound: number): boolean {
  if (op === '<') return value < bound;
  if (op === '<=') return value <= bound;
  if (op === '=') return value === bound;
  if (op === '>') return value > bound;
  return value >= bound;
}

function isPrimitive(value: unknown): value is Primitive {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}
