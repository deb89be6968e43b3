'use client';

import { useId, useState } from 'react';
import { matchesFilters } from '@/lib/flow-filters/match-filters';
import { parseFilterPattern } from '@/lib/flow-filters/parse-filter-pattern';

/** "Try a message": tells, as the platform would decide, whether a sample body runs or is filtered. */
export function TryFilterBox({ patterns }: { patterns: string[] }) {
  const id = useId();
  const [sample, setSample] = useState('');
  return (
    <div className="space-y-1 rounded-md bg-slate-50 p-2.5">
      <label htmlFor={id} className="text-xs font-medium text-slate-700">
        Try a message
      </label>
      <textarea
        id={id}
        rows={2}
        value={sample}
        spellCheck={false}
        onChange={(event) => setSample(event.target.value)}
        placeholder={'{"type": "order", "id": 17}'}
        className="block w-full rounded-md border-0 bg-white px-3 py-2 font-mono text-xs text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset placeholder:text-slate-400 focus:ring-2 focus:ring-brand-500 focus:outline-none"
      />
      <p role="status" className="text-xs text-slate-700">
        {sample.trim() === '' ? 'Paste a message body to see whether it would run.' : verdict(patterns, sample)}
      </p>
    </div>
  );
}

function verdict(texts: string[], sample: string): string {
  const written = texts.map((text, index) => ({ text, index })).filter(({ text }) => text.trim() !== '');
  for (const { text, index } of written) {
    const parsed = parseFilterPattern(text);
    if (!parsed.ok) return `Pattern ${index + 1} is not valid yet: ${parsed.reason}`;
  }
  const matching = written.filter(({ text }) => {
    const parsed = parseFilterPattern(text);
    return parsed.ok && matchesFilters([parsed.pattern], sample);
  });
  if (matching.length > 0) return `Runs: matches pattern ${matching.map(({ index }) => index + 1).join(', ')}.`;
  return 'Filtered: matches no pattern, so it would be deleted without a run.';
}
