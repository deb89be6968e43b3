import { parseFilterPattern, type FilterPattern } from './parse-filter-pattern';

/**
 * A flow's stored patterns, ready for matchesFilters. They were validated when saved; one
 * that no longer parses (a rule this version does not know) matches nothing rather than
 * letting every message through.
 */
export function compileFilters(stored: unknown): FilterPattern[] | null {
  if (!Array.isArray(stored) || stored.length === 0) return null;
  const never: FilterPattern = { '\u0000never': [{ kind: 'exists', value: true }] };
  return stored.map((json) => {
    const parsed = parseFilterPattern(json);
    return parsed.ok ? parsed.pattern : never;
  });
}
