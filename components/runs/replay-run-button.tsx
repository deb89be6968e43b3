'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { fetchJson } from '@/lib/http/fetch-json';

/** "Replay" on a dead or expired run's page: asks first, then the run shows as queued again. */
export function ReplayRunButton({ runId }: { runId: string }) {
  const queryClient = useQueryClient();
  const replay = useMutation({
    mutationFn: () => fetchJson<{ replayed: number }>(`/api/v1/runs/${runId}/replay`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries(),
  });
  return (
    <div className="space-y-2">
      <ConfirmDialog
        trigger={<Button size="sm">Replay</Button>}
        title="Replay this run?"
        description="It runs again with the same input, as a new attempt of the same run (same run id), with a fresh set of retries."
        confirmLabel="Replay"
        pendingLabel="Replaying…"
        confirmVariant="primary"
        onConfirm={() => replay.mutateAsync()}
      />
      {replay.isSuccess ? <Alert tone="success">Queued again; it starts within seconds.</Alert> : null}
    </div>
  );
}
