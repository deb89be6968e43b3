'use client';

import { useId } from 'react';
import { cn } from '@/components/ui/cn';
import { formatAlgorithmPath } from '@/lib/algorithms/algorithm-path';
import type { AlgorithmRef } from './use-flows';

interface AlgorithmVersionFieldProps {
  algorithm: AlgorithmRef;
  versions: string[];
  version: string;
  onVersionChange: (version: string) => void;
  error?: string;
}

/**
 * The Algorithm endpoint of the Connect broker modal: owner/name is fixed, only the
 * (optional) version is typed, and the full path is shown below as it will run.
 */
export function AlgorithmVersionField({ algorithm, versions, version, onVersionChange, error }: AlgorithmVersionFieldProps) {
  const id = useId();
  const typed = version.trim();
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-xs font-semibold tracking-wide text-slate-600 uppercase">
        Algorithm
      </label>
      <div
        className={cn(
          'flex rounded-md bg-white shadow-sm ring-1 ring-inset focus-within:ring-2',
          error ? 'ring-red-400 focus-within:ring-red-500' : 'ring-slate-300 focus-within:ring-brand-500',
        )}
      >
        <span className="flex items-center rounded-l-md border-r border-slate-200 bg-slate-50 px-3 font-mono text-sm text-slate-600 select-all">
          {algorithm.owner}/{algorithm.name}/
        </span>
        <input
          id={id}
          name="version"
          value={version}
          onChange={(event) => onVersionChange(event.target.value)}
          list={`${id}-versions`}
          placeholder="version (optional)"
          autoComplete="off"
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-path ${error ? `${id}-error` : ''}`}
          className="min-w-0 flex-1 rounded-r-md bg-transparent px-3 py-2 font-mono text-sm text-slate-900 placeholder:font-sans placeholder:text-slate-400 focus:outline-none"
        />
        <datalist id={`${id}-versions`}>
          {versions.map((v) => (
            <option key={v} value={v} />
          ))}
        </datalist>
      </div>
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-xs text-red-600">
          {error}
        </p>
      ) : null}
      {versions.length === 0 && !error ? (
        <p className="text-xs text-amber-800">No version is published yet: publish one on the Overview tab first, so the connection has something to run.</p>
      ) : null}
      <p id={`${id}-path`} className="text-xs text-slate-500">
        Full algorithm path:{' '}
        <code className="font-mono text-slate-800">{formatAlgorithmPath({ ...algorithm, version: typed || undefined })}</code>
        {typed ? null : ' (the latest published version when each message arrives)'}
      </p>
    </div>
  );
}
