'use client';

import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import type { FormErrors } from '@/components/forms/use-form-submit';
import { MAX_FILTER_PATTERNS } from '@/lib/flow-filters/parse-filter-pattern';
import { TryFilterBox } from './try-filter-box';

const textareaClass =
  'block w-full rounded-md border-0 bg-white px-3 py-2 font-mono text-xs text-slate-900 shadow-sm ring-1 ring-inset placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:outline-none';

/** Filter patterns as their JSON text, as the form keeps them. */
export function filterTexts(filters: unknown[] | null | undefined): string[] {
  return (filters ?? []).map((pattern) => JSON.stringify(pattern, null, 2));
}

/**
 * Up to five Lambda-style patterns over the message body, OR-ed, sent as one hidden
 * `filters` field (a JSON list of the patterns' texts). Errors come per pattern.
 */
export function FilterPatternsField({ errors, initial = [] }: { errors: FormErrors; initial?: string[] }) {
  const id = useId();
  const [patterns, setPatterns] = useState<string[]>(initial);
  const update = (index: number, text: string) => setPatterns((list) => list.map((p, i) => (i === index ? text : p)));
  return (
    <fieldset className="space-y-2">
      <legend className="text-xs font-semibold tracking-wide text-slate-600 uppercase">Message filters</legend>
      <p id={`${id}-hint`} className="text-xs text-slate-500">
        Optional: up to {MAX_FILTER_PATTERNS} JSON patterns over the message body, like <code>{'{"type": ["order"]}'}</code>; a message runs when
        any pattern matches. Values: exact, <code>prefix</code>, <code>suffix</code>, <code>anything-but</code>, <code>numeric</code>,{' '}
        <code>exists</code>, nested keys. <strong>A message that matches no pattern is deleted from the queue without a run</strong> and counted as
        filtered.
      </p>
      <input type="hidden" name="filters" value={JSON.stringify(patterns)} />
      {errors.filters ? (
        <p role="alert" className="text-xs text-red-600">
          {errors.filters}
        </p>
      ) : null}
      {patterns.map((text, index) => {
        const error = errors[`filters.${index}`];
        return (
          <div key={index} className="space-y-1">
            <div className="flex items-center justify-between">
              <label htmlFor={`${id}-${index}`} className="text-xs font-medium text-slate-700">
                Pattern {index + 1}
              </label>
              <Button variant="ghost" size="sm" aria-label={`Remove pattern ${index + 1}`} onClick={() => setPatterns((list) => list.filter((_, i) => i !== index))}>
                Remove
              </Button>
            </div>
            <textarea
              id={`${id}-${index}`}
              data-field={`filters.${index}`}
              rows={3}
              value={text}
              spellCheck={false}
              onChange={(event) => update(index, event.target.value)}
              placeholder={'{"type": ["order"]}'}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-${index}-error` : `${id}-hint`}
              className={cn(textareaClass, error ? 'ring-red-400 focus:ring-red-500' : 'ring-slate-300 focus:ring-brand-500')}
            />
            {error ? (
              <p id={`${id}-${index}-error`} role="alert" className="text-xs text-red-600">
                {error}
              </p>
            ) : null}
          </div>
        );
      })}
      {patterns.length < MAX_FILTER_PATTERNS ? (
        <Button variant="secondary" size="sm" onClick={() => setPatterns((list) => [...list, ''])}>
          Add filter pattern
        </Button>
      ) : null}
      {patterns.some((text) => text.trim() !== '') ? <TryFilterBox patterns={patterns} /> : null}
    </fieldset>
  );
}
