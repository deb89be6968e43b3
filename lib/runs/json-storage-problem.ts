// PostgreSQL's jsonb refuses some values JSON.parse accepts: the \u0000 character, lone
// UTF-16 surrogates, and nesting deeper than its stack allows (about 10,000 levels with
// the default max_stack_depth; we stop well before, so no setting can make it fail).
export const MAX_JSON_DEPTH = 1_000;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function stringProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'it contains the character \\u0000';
  if (LONE_SURROGATE.test(text)) return 'it contains a lone UTF-16 surrogate';
  return null;
}

/** Why PostgreSQL cannot store `value` as JSON, in plain words; null when it can. Walks without recursion. */
export function jsonStorageProblem(value: unknown): string | null {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: item, depth } = stack.pop()!;
    if (typeof item === 'string') {
      const problem = stringProblem(item);
      if (problem) return problem;
    } else if (item !== null && typeof item === 'object') {
      if (depth >= MAX_JSON_DEPTH) return `it is nested more than ${MAX_JSON_DEPTH} levels deep`;
      for (const [key, child] of Object.entries(item)) {
        const problem = Array.isArray(item) ? null : stringProblem(key);
        if (problem) return problem;
        stack.push({ value: child, depth: depth + 1 });
      }
    }
  }
  return null;
}
