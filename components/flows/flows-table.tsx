'use client';

import { Alert } from '@/components/ui/alert';
import { Table, Th } from '@/components/ui/table';
import type { FlowListItem } from '@/lib/flows/list-flows';
import { FlowRow } from './flow-row';
import { useFlowActions, type AlgorithmRef } from './use-flows';

/** Broker connections or event listeners of one algorithm, with pause/resume and delete. */
export function FlowsTable({ algorithm, flows, noun }: { algorithm: AlgorithmRef; flows: FlowListItem[]; noun: string }) {
  const actions = useFlowActions(algorithm);
  return (
    <div className="space-y-3">
      {actions.setEnabled.error ? <Alert>Could not change the {noun}: {actions.setEnabled.error.message}</Alert> : null}
      <Table aria-label={`${noun}s`}>
        <thead className="bg-slate-50">
          <tr>
            <Th>Queue and role</Th>
            <Th>Algorithm</Th>
            <Th>Status</Th>
            <Th>Messages</Th>
            <Th>Runs</Th>
            {/* relative: keeps the visually hidden label inside the scrolling table. */}
            <Th className="relative">
              <span className="sr-only">Actions</span>
            </Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {flows.map((flow) => (
            <FlowRow key={flow.id} flow={flow} algorithm={algorithm} noun={noun} actions={actions} />
          ))}
        </tbody>
      </Table>
    </div>
  );
}
