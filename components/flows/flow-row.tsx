'use client';

import Link from 'next/link';
import { useId, useState } from 'react';
import { SendTestMessageDialog } from '@/components/connection/send-test-message-dialog';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Td } from '@/components/ui/table';
import { ReplayDeadRunsButton } from '@/components/runs/replay-dead-runs-button';
import { Timestamp } from '@/components/ui/timestamp';
import type { FlowListItem } from '@/lib/flows/list-flows';
import { DlqDialogButton } from './dlq-dialog-button';
import { MessageCountLines, RunCountLines } from './flow-counts';
import { FlowStatus } from './flow-status-badge';
import { TestConnectionButton } from './test-connection-button';
import type { AlgorithmRef, useFlowActions } from './use-flows';
import { connectionPath } from '@/lib/flows/connection-path';

interface FlowRowProps {
  flow: FlowListItem;
  algorithm: AlgorithmRef;
  noun: string;
  actions: ReturnType<typeof useFlowActions>;
}

export function FlowRow({ flow, algorithm, noun, actions }: FlowRowProps) {
  const algorithmBase = `/algorithms/${algorithm.owner}/${algorithm.name}`;
  const pagePath = connectionPath({ owner: algorithm.owner, algorithmName: algorithm.name, kind: flow.kind, id: flow.id });
  return (
    <tr>
      <Td className="min-w-48">
        <Link href={pagePath} className="font-medium break-all text-brand-700 hover:underline">
          {flow.queueName}
        </Link>
        <p className="mt-0.5 font-mono text-xs break-all text-slate-500">{flow.queueUrl}</p>
        <p className="mt-1 text-xs break-all text-slate-500">
          Role <span className="font-mono">{flow.roleArn}</span>
        </p>
        <p className="mt-1 text-xs text-slate-500">
          Created <Timestamp iso={flow.createdAt} />
        </p>
      </Td>
      <Td className="min-w-36 text-xs">
        <p className="font-mono wrap-anywhere">
          {flow.algorithmPath}
          {flow.version ? null : <span className="ml-1 font-sans whitespace-nowrap text-slate-500">· latest</span>}
        </p>
        <p className="mt-1 text-slate-500">Timeout {flow.timeoutSeconds ? `${flow.timeoutSeconds} s` : 'default'}</p>
      </Td>
      <Td>
        <FlowStatus flow={flow} />
      </Td>
      <Td className="text-xs whitespace-nowrap">
        <MessageCountLines counts={flow} />
        {flow.lastMessageAt ? (
          <p className="text-slate-500">
            Last <Timestamp iso={flow.lastMessageAt} />
          </p>
        ) : null}
      </Td>
      <Td className="text-xs whitespace-nowrap">
        <RunCountLines counts={flow} />
      </Td>
      <Td>
        <FlowActions flow={flow} noun={noun} actions={actions} algorithmBase={algorithmBase} connectionPath={pagePath} />
      </Td>
    </tr>
  );
}

/**
 * The row's buttons: a column of them on wide screens; on narrower ones an "Actions" button
 * that shows them, in the cell (not a floating menu, which the table's scrolling would cut).
 */
function FlowActions({ flow, noun, actions, algorithmBase, connectionPath }: Omit<FlowRowProps, 'algorithm'> & { algorithmBase: string; connectionPath: string }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const { setEnabled, remove } = actions;
  const toggling = setEnabled.isPending && setEnabled.variables?.id === flow.id;
  const verb = flow.enabled ? 'Pause' : 'Resume';
  return (
    <div className="flex flex-col items-stretch gap-1.5">
      <Button variant="secondary" size="sm" className="xl:hidden" aria-expanded={open} aria-controls={id} aria-label={`Actions for ${flow.queueName}`} onClick={() => setOpen(!open)}>
        Actions <span aria-hidden>{open ? '▴' : '▾'}</span>
      </Button>
      <div id={id} className={`${open ? 'flex' : 'hidden'} flex-col items-stretch gap-1.5 xl:flex`}>
        <Button
          variant="secondary"
          size="sm"
          aria-label={`${verb} ${flow.queueName}`}
          disabled={toggling}
          onClick={() => setEnabled.mutate({ id: flow.id, enabled: !flow.enabled })}
        >
          {toggling ? `${flow.enabled ? 'Pausing' : 'Resuming'}…` : verb}
        </Button>
        <SendTestMessageDialog
          target={{ flowId: flow.id, queueName: flow.queueName, algorithmBase, connectionPath, filters: flow.filters }}
          triggerLabel={`Send test message to ${flow.queueName}`}
        />
        <TestConnectionButton flowId={flow.id} resultIn="dialog" label={`Test connection of ${flow.queueName}`} />
        <DlqDialogButton flowId={flow.id} queueName={flow.queueName} />
        <ReplayDeadRunsButton flowId={flow.id} queueName={flow.queueName} deadRuns={flow.deadRuns} />
        <ConfirmDialog
          trigger={
            <Button variant="ghost" size="sm" className="text-red-700 hover:bg-red-50" aria-label={`Delete ${flow.queueName}`}>
              Delete
            </Button>
          }
          title={`Delete this ${noun}?`}
          description={
            <>
              <span className="font-mono">{flow.algorithmPath}</span> stops receiving messages from{' '}
              <span className="font-medium">{flow.queueName}</span>. The queue and its messages stay in Amazon SQS.
            </>
          }
          confirmLabel="Delete"
          pendingLabel="Deleting…"
          onConfirm={() => remove.mutateAsync(flow.id)}
        />
      </div>
    </div>
  );
}
