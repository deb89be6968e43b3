'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { fetchJson } from '@/lib/http/fetch-json';
import type { ReplayAnswer } from '@/lib/runs/replay-answer';

/**
 * "Replay" on a dead or expired run's page: asks first, then says the run is queued again
 * (or, in the dialog, why it did not fit the queue limits). Shown while the run is dead,
 * and afterwards to keep showing its result.
 */
export function ReplayRunButton({ runId, dead }: { runId: string; dead: boolean }) {
  const queryClient = useQueryClient();
  const replay = useMutation({
    mutationFn: () => fetchJson<ReplayAnswer>(`/api/v1/runs/${runId}/replay`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries(),
  });
  if (!dead && !replay.isSuccess) return null;
  return (
    <div className="mt-4 space-y-2 border-t border-slate-100 pt-4">
      {dead ? (
        <ConfirmDialog
          trigger={<Button size="sm">Replay</Button>}
          title="Replay this run?"
          description="It runs again with the same input, as a new attempt of the same run (same run id), with a fresh set of retries."
          confirmLabel="Replay"
          pendingLabel="Replaying…"
          confirmVariant="primary"
          onConfirm={() => replay.mutateAsync()}
        />
      ) : null}
      {replay.isSuccess ? <Alert tone="success">Queued again; it starts within seconds.</Alert> : null}
    </div>
  );
}
