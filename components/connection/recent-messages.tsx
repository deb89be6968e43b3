'use client';

import Link from 'next/link';
import { useDeferredValue } from 'react';
import { formatDuration } from '@/components/format';
import { RunStatusBadge } from '@/components/runs/run-status-badge';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Field } from '@/components/ui/field';
import { ListFooter } from '@/components/ui/list-footer';
import { Table, Td, Th } from '@/components/ui/table';
import { Timestamp } from '@/components/ui/timestamp';
import { useUrlParam } from '@/components/ui/use-url-param';
import { useRecentMessages } from './use-connection';
import { messageTracePath } from '@/lib/flows/connection-path';

/**
 * The message trace's entry point: the connection's messages, newest first, a page at a
 * time, searchable by SQS message id (kept in the URL as ?messageId=).
 */
export function RecentMessages({ flowId, algorithmBase, connectionPath }: { flowId: string; algorithmBase: string; connectionPath: string }) {
  const [search, setSearch] = useUrlParam('messageId');
  const deferred = useDeferredValue(search.trim());
  const messages = useRecentMessages(flowId, deferred);
  const first = messages.data?.pages[0];
  const rows = messages.data?.pages.flatMap((page) => page.messages) ?? [];
  return (
    <section aria-labelledby="messages-title" className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="messages-title" className="text-base font-semibold text-slate-900">
            Recent messages
          </h2>
          <p className="text-sm text-slate-600">Each message the platform accepted, with the run it became. Filtered messages are only counted.</p>
        </div>
        <div className="w-full sm:w-80">
          <Field label="Search by SQS message id" type="search" value={search} onChange={(event) => setSearch(event.target.value)} placeholder="e.g. 3f2a…" spellCheck={false} />
        </div>
      </div>
      {messages.isError ? (
        <Alert>
          Could not load the messages: {messages.error.message}{' '}
          <Button variant="ghost" size="sm" onClick={() => messages.refetch()}>
            Try again
          </Button>
        </Alert>
      ) : !first ? (
        <p role="status" className="text-sm text-slate-500">
          Loading messages…
        </p>
      ) : rows.length === 0 ? (
        <EmptyState title={deferred ? 'No message with that id' : 'No messages yet'}>
          {deferred ? `No run of this connection has a message id starting with ${deferred}.` : 'Messages appear here once the worker has received them. Try Send test message.'}
        </EmptyState>
      ) : (
        <>
          <Table aria-label="Recent messages">
            <thead className="bg-slate-50">
              <tr>
                <Th>Message id</Th>
                <Th>Received</Th>
                <Th>Outcome</Th>
                <Th>Run</Th>
                <Th>Attempts</Th>
                <Th>Duration</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((row) => (
                <tr key={row.runId}>
                  <Td>
                    <Link href={messageTracePath(connectionPath, row.messageId)} className="font-mono text-xs whitespace-nowrap text-brand-600 hover:underline">
                      {row.messageId}
                    </Link>
                  </Td>
                  <Td className="text-xs">
                    <Timestamp iso={row.receivedAt} />
                  </Td>
                  <Td>
                    <RunStatusBadge status={row.outcome} />
                  </Td>
                  <Td>
                    <Link href={`${algorithmBase}/runs/${row.runId}`} className="font-mono text-xs text-brand-600 hover:underline" aria-label={`Run ${row.runId}`}>
                      {row.runId.slice(0, 10)}…
                    </Link>
                  </Td>
                  {/* Runs recorded before attempts were counted show one once they ended. */}
                  <Td className="text-xs">{row.attempts || (row.finishedAt ? 1 : 0)}</Td>
                  <Td className="text-xs">{formatDuration(row.durationMs)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <ListFooter
            shown={rows.length}
            first={first}
            noun="message"
            hasMore={messages.hasNextPage}
            loading={messages.isFetchingNextPage}
            onLoadMore={() => messages.fetchNextPage()}
          />
        </>
      )}
    </section>
  );
}
