'use client';

import type { ReactNode } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import type { FlowListItem } from '@/lib/flows/list-flows';
import { FlowsTable } from './flows-table';
import { useFlows, type AlgorithmRef, type FlowKind } from './use-flows';

interface FlowsPanelProps {
  algorithm: AlgorithmRef;
  kind: FlowKind;
  initialFlows: FlowListItem[];
  title: string;
  description: ReactNode;
  /** Singular, lower case: "connection", "event listener". */
  noun: string;
  empty: { title: string; body: ReactNode };
  action?: ReactNode;
}

/** One tab of the algorithm profile: its connections (Events) or its listeners (Listeners). */
export function FlowsPanel({ algorithm, kind, initialFlows, title, description, noun, empty, action }: FlowsPanelProps) {
  const flows = useFlows(algorithm, kind, initialFlows);
  return (
    <section className="space-y-4" aria-labelledby={`${kind}-title`}>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div>
          <h2 id={`${kind}-title`} className="text-base font-semibold text-slate-900">
            {title}
          </h2>
          <p className="mt-1 text-sm text-slate-600">{description}</p>
        </div>
        {action}
      </div>
      {flows.isError ? (
        <Alert>
          Could not load the {noun}s: {flows.error.message}{' '}
          <Button variant="ghost" size="sm" onClick={() => flows.refetch()}>
            Try again
          </Button>
        </Alert>
      ) : null}
      {flows.data.length === 0 ? (
        <EmptyState title={empty.title}>{empty.body}</EmptyState>
      ) : (
        <FlowsTable algorithm={algorithm} flows={flows.data} noun={noun} />
      )}
    </section>
  );
}
