'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent } from '@/components/ui/dialog';
import type { ConnectionCheck } from '@/lib/connection-checks/check-queue-connection';
import { ApiError, fetchJson } from '@/lib/http/fetch-json';
import { ConnectionCheckResult } from './connection-check-result';

export interface ConnectionValues {
  queueUrl: string;
  roleArn: string;
  timeoutSeconds?: string | number;
  onSuccessQueueUrl?: string;
  onFailureQueueUrl?: string;
}

type TestConnectionButtonProps = {
  label?: string;
  /** Under the button (a form), or in a dialog (a table row, where there is no room). */
  resultIn?: 'inline' | 'dialog';
} & (
  | { flowId: string }
  | {
      /** The modal's current field values, read when the button is pressed. */
      values: () => ConnectionValues;
      /** Field errors of the values, for the modal to show next to its fields. */
      onFieldErrors?: (errors: Record<string, string>) => void;
      /** The values passed validation (the check ran), so the modal can clear their old errors (a destination it could not reach then gets its own). */
      onValidValues?: () => void;
    }
);

/** Test connection: assume the role and read the queue. For a saved flow's row, or the Connect broker modal before saving. */
export function TestConnectionButton({ label, resultIn = 'inline', ...target }: TestConnectionButtonProps) {
  const [dialogOpen, setDialogOpen] = useState(false);
  const test = useMutation({
    mutationFn: () =>
      'flowId' in target
        ? fetchJson<ConnectionCheck>(`/api/v1/flows/${target.flowId}/test`, { method: 'POST' })
        : fetchJson<ConnectionCheck>('/api/v1/flows/test-connection', { method: 'POST', body: JSON.stringify(target.values()) }),
    onSettled: () => setDialogOpen(resultIn === 'dialog'),
    onSuccess: (check) => {
      if (!('values' in target)) return;
      target.onValidValues?.();
      // A destination the role cannot reach: its error goes under its field.
      if (!check.ok && check.field) target.onFieldErrors?.({ [check.field]: check.problem.message });
    },
    onError: (error) => {
      if ('values' in target && error instanceof ApiError) target.onFieldErrors?.(error.fieldErrors);
    },
  });
  const result = test.data ? <ConnectionCheckResult check={test.data} /> : test.isError ? <Alert>{test.error.message}</Alert> : null;
  return (
    <div className="space-y-2">
      <Button variant="secondary" size="sm" className="whitespace-nowrap" aria-label={label} onClick={() => test.mutate()} disabled={test.isPending}>
        {test.isPending ? 'Testing…' : 'Test connection'}
      </Button>
      {resultIn === 'inline' ? result : null}
      {resultIn === 'dialog' ? (
        <Dialog open={dialogOpen} onOpenChange={setDialogOpen}>
          <DialogContent title="Test connection">{result}</DialogContent>
        </Dialog>
      ) : null}
    </div>
  );
}
