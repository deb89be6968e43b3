import { z } from 'zod';
import { MAX_FILTER_PATTERNS, parseFilterPattern, type FilterPatternJson } from './parse-filter-pattern';

/** A form sends the patterns as JSON text of a list of pattern texts; the API may send objects. */
function listFromText(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value !== 'string') return value;
  if (value.trim() === '') return undefined;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

const isBlank = (item: unknown) => item === null || (typeof item === 'string' && item.trim() === '');

/**
 * Up to five patterns, OR-ed; errors are keyed by the pattern's index ("filters.1"),
 * so the form shows each next to its pattern. No patterns (or only blank ones): undefined.
 * It keeps the patterns as written (JSON objects): that is what is stored and shown.
 */
export const filtersSchema = z.preprocess(
  listFromText,
  z
    .array(z.unknown(), { error: 'Send the filters as a list of patterns' })
    .transform((list, ctx): FilterPatternJson[] | undefined => {
      const patterns: FilterPatternJson[] = [];
      list.forEach((item, index) => {
        if (isBlank(item)) return;
        const parsed = parseFilterPattern(item);
        if (parsed.ok) patterns.push(parsed.json);
        else ctx.addIssue({ code: 'custom', message: parsed.reason, path: [index] });
      });
      if (patterns.length > MAX_FILTER_PATTERNS) ctx.addIssue({ code: 'custom', message: `At most ${MAX_FILTER_PATTERNS} patterns` });
      return patterns.length > 0 ? patterns : undefined;
    })
    .optional(),
).meta({
  description: 'Message filters: up to 5 patterns (objects, or their JSON texts), OR-ed, in the shape of Lambda’s SQS filter criteria. A message that matches none is deleted without a run.',
  example: [{ type: ['order'], amount: [{ numeric: ['>', 0] }] }],
});
