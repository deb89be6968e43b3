'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Timestamp } from '@/components/ui/timestamp';
import type { DestinationView } from '@/lib/destinations/destination-view';
import { fetchJson } from '@/lib/http/fetch-json';

/**
 * Where a run's result went (docs/destinations.md): the queue, SQS's message id and when,
 * or why it was not sent; "Resend" sends it again once it is sent or given up.
 */
export function RunDestination({ runId, destination }: { runId: string; destination: DestinationView }) {
  const queryClient = useQueryClient();
  const resend = useMutation({
    mutationFn: () => fetchJson<{ resent: true }>(`/api/v1/runs/${runId}/destination/resend`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['run', runId] }),
  });
  const what = destination.kind === 'success' ? 'Output' : 'Failure envelope';
  return (
    <section className="space-y-2" aria-label="Destination">
      <h2 className="text-sm font-semibold">Destination</h2>
      <div className="space-y-2 rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm">
        <p>
          {destination.status === 'sent' ? (
            <>
              {what} sent to <span className="font-mono break-all">{destination.queueUrl}</span> as message{' '}
              <span className="font-mono">{destination.messageId}</span>
              {destination.sentAt ? (
                <>
                  , <Timestamp iso={destination.sentAt} precise />
                </>
              ) : null}
              .
            </>
          ) : destination.status === 'pending' ? (
            <>
              {what} being sent to <span className="font-mono break-all">{destination.queueUrl}</span>
              {destination.attempts > 0 ? ` (attempt ${destination.attempts})` : ''}.
            </>
          ) : (
            <>
              {what} not sent to <span className="font-mono break-all">{destination.queueUrl}</span>.
            </>
          )}
        </p>
        {destination.error ? <Alert tone={destination.status === 'failed' ? 'error' : 'warning'}>{destination.error}</Alert> : null}
        {destination.status !== 'pending' ? (
          <Button size="sm" variant="secondary" onClick={() => resend.mutate()} disabled={resend.isPending}>
            {resend.isPending ? 'Resending…' : 'Resend'}
          </Button>
        ) : null}
        {resend.error ? <Alert>{resend.error.message}</Alert> : null}
      </div>
    </section>
  );
}
