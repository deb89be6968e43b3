'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { fetchJson } from '@/lib/http/fetch-json';
import type { ReplayAnswer } from '@/lib/runs/replay-answer';

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/**
 * "Replay dead runs" of one connection: asks first, then says in words how many went back
 * to the queue, and how many did not fit the queue limits (they stay dead). Hidden while
 * there are none, except to keep showing its result.
 */
export function ReplayDeadRunsButton({ flowId, queueName, deadRuns }: { flowId: string; queueName: string; deadRuns: number }) {
  const queryClient = useQueryClient();
  const replay = useMutation({
    mutationFn: () => fetchJson<ReplayAnswer>(`/api/v1/flows/${flowId}/replay-dead`, { method: 'POST' }),
    // The rows' dead-run counts and the runs lists change.
    onSuccess: () => queryClient.invalidateQueries(),
  });
  if (deadRuns === 0 && !replay.data) return null;
  return (
    <div className="space-y-1.5">
      <ConfirmDialog
        trigger={
          <Button variant="secondary" size="sm" aria-label={`Replay dead runs of ${queueName}`} disabled={deadRuns === 0}>
            Replay dead runs
          </Button>
        }
        title="Replay the dead runs?"
        description={
          <>
            {plural(deadRuns, 'run')} of <span className="font-medium">{queueName}</span> that failed every attempt or expired in the queue will run
            again, as a new attempt of the same run. An algorithm that is not idempotent may repeat their side effects.
          </>
        }
        confirmLabel="Replay"
        pendingLabel="Replaying…"
        confirmVariant="primary"
        onConfirm={() => replay.mutateAsync()}
      />
      {replay.data ? (
        <Alert tone="success">
          {replay.data.replayed === 0 ? 'There were no dead runs to replay.' : `${plural(replay.data.replayed, 'dead run')} queued again; they start within seconds.`}
        </Alert>
      ) : null}
      {replay.data?.refused ? (
        <Alert tone="warning">
          {plural(replay.data.refused, 'dead run')} {replay.data.refused === 1 ? 'stays' : 'stay'} dead for now. {replay.data.message} (in about {replay.data.retryAfterSeconds} s).
        </Alert>
      ) : null}
    </div>
  );
}
