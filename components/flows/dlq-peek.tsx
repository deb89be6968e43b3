'use client';

import { useMutation } from '@tanstack/react-query';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Timestamp } from '@/components/ui/timestamp';
import { fetchJson } from '@/lib/http/fetch-json';
import type { PeekedMessage } from '@/lib/sqs/peek-messages';

/** A look at up to 10 DLQ messages. A peek is a receive in SQS's eyes, so it runs only on request. */
export function DlqPeek({ flowId }: { flowId: string }) {
  const peek = useMutation({ mutationFn: () => fetchJson<{ dlqUrl: string; messages: PeekedMessage[] }>(`/api/v1/flows/${flowId}/dlq-messages`) });
  return (
    <div className="space-y-3">
      <div className="flex items-center gap-3">
        <Button variant="secondary" size="sm" onClick={() => peek.mutate()} disabled={peek.isPending}>
          {peek.isPending ? 'Peeking…' : 'Peek at messages'}
        </Button>
        <span className="text-xs text-slate-500">Leaves them in place; each peek adds one to their receive count.</span>
      </div>
      {peek.isError ? <Alert>Could not peek: {peek.error.message}</Alert> : null}
      {peek.data && peek.data.messages.length === 0 ? <p className="text-sm text-slate-500">SQS returned no messages.</p> : null}
      {peek.data && peek.data.messages.length > 0 ? (
        <ul aria-label="Dead-letter messages" className="space-y-2">
          {peek.data.messages.map((message) => (
            <li key={message.messageId} className="rounded-md ring-1 ring-slate-200">
              <p className="flex flex-wrap justify-between gap-2 border-b border-slate-100 px-3 py-1.5 text-xs text-slate-500">
                <span className="font-mono">{message.messageId}</span>
                <span>
                  {message.sentAt ? (
                    <>
                      sent <Timestamp iso={message.sentAt} /> ·{' '}
                    </>
                  ) : null}
                  received {message.receiveCount ?? '?'}×
                </span>
              </p>
              <pre className="max-h-40 overflow-auto px-3 py-2 font-mono text-xs whitespace-pre-wrap break-all">
                {message.body}
                {message.bodyTruncated ? '…' : ''}
              </pre>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
