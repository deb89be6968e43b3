'use client';

import Link from 'next/link';
import { formatDuration } from '@/components/format';
import { RunStatusBadge } from '@/components/runs/run-status-badge';
import type { TestMessageTarget } from './test-message-target';
import { useMessageRuns } from './use-message-runs';
import { messageTracePath } from '@/lib/flows/connection-path';

/**
 * After Send: the message id, then its run as the worker and executor move it along. On a
 * paused connection it says the message waits in the queue (it runs once resumed).
 */
export function SentMessageStatus({ target, messageId, paused }: { target: TestMessageTarget; messageId: string; paused: boolean }) {
  const runs = useMessageRuns(target.flowId, messageId);
  const rows = runs.data ?? [];
  return (
    <section aria-label="Sent message" className="space-y-2 rounded-md bg-emerald-50 px-3 py-2.5 text-sm text-emerald-900 ring-1 ring-emerald-200 ring-inset">
      <p>
        Sent as message <code className="font-mono text-xs break-all">{messageId}</code>.
      </p>
      {runs.isError ? <p className="text-red-700">Could not follow the run: {runs.error.message}</p> : null}
      {rows.length === 0 ? (
        <p role="status">{paused ? 'Waiting in the queue: the connection is paused. It runs once you resume the connection.' : 'Waiting for the worker to receive it…'}</p>
      ) : (
        rows.map((row) => (
          <p key={row.runId} role="status" className="flex flex-wrap items-center gap-2">
            Run{' '}
            <Link href={`${target.algorithmBase}/runs/${row.runId}`} className="font-mono text-xs text-brand-700 underline">
              {row.runId}
            </Link>
            <RunStatusBadge status={row.outcome} />
            {row.durationMs !== null ? <span className="text-xs">{formatDuration(row.durationMs)}</span> : null}
            <Link href={messageTracePath(target.connectionPath, messageId)} className="text-xs text-brand-700 underline">
              Message trace
            </Link>
          </p>
        ))
      )}
    </section>
  );
}
