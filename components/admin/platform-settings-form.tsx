'use client';

import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { ApiError, fetchJson } from '@/lib/http/fetch-json';
import { formatRunRetention } from '@/lib/runs/run-retention';
import type { PlatformSettings } from '@/lib/settings/get-platform-settings';

const SETTING_NAMES = [
  'maxWorkers',
  'userSessionLimit',
  'userQueueLimit',
  'platformQueueLimit',
  'defaultMaxAttempts',
  'queuedRunExpiryHours',
  'runRetentionHours',
  'awsAccountNumber',
  'algorithmAllowedNetworks',
  'userFlowLimit',
  'userDataQuotaMb',
  'userCollectionLimit',
] as const satisfies ReadonlyArray<keyof PlatformSettings>;

export function PlatformSettingsForm({ initial }: { initial: PlatformSettings }) {
  const save = useMutation({
    mutationFn: (body: Record<string, FormDataEntryValue | null>) =>
      fetchJson<{ settings: PlatformSettings }>('/api/v1/admin/settings', { method: 'PUT', body: JSON.stringify(body) }),
  });
  const fieldErrors = save.error instanceof ApiError ? save.error.fieldErrors : {};

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    save.mutate(Object.fromEntries(SETTING_NAMES.map((name) => [name, form.get(name)])));
  }

  return (
    <form onSubmit={onSubmit} className="max-w-lg space-y-4" noValidate>
      {save.isSuccess ? <Alert tone="success">Settings saved</Alert> : null}
      {save.error && Object.keys(fieldErrors).length === 0 ? <Alert>{save.error.message}</Alert> : null}
      <Field
        label="Maximum workers"
        name="maxWorkers"
        type="number"
        min={1}
        defaultValue={initial.maxWorkers}
        error={fieldErrors.maxWorkers}
        hint="Runs executing at once, platform-wide; further runs wait in the backlog."
      />
      <Field
        label="User session limit"
        name="userSessionLimit"
        type="number"
        min={1}
        defaultValue={initial.userSessionLimit}
        error={fieldErrors.userSessionLimit}
        hint="Runs executing at once for one user."
      />
      <Field
        label="User queue limit"
        name="userQueueLimit"
        type="number"
        min={1}
        defaultValue={initial.userQueueLimit}
        error={fieldErrors.userQueueLimit}
        hint="Runs one user may have waiting to execute; beyond it new work is answered 429 and waits in SQS."
      />
      <Field
        label="Platform queue limit"
        name="platformQueueLimit"
        type="number"
        min={1}
        defaultValue={initial.platformQueueLimit}
        error={fieldErrors.platformQueueLimit}
        hint="Runs waiting to execute across all users; beyond it new work is answered 429 and waits in SQS."
      />
      <Field
        label="Default max attempts"
        name="defaultMaxAttempts"
        type="number"
        min={1}
        max={20}
        defaultValue={initial.defaultMaxAttempts}
        error={fieldErrors.defaultMaxAttempts}
        hint="How many times a run is tried after transient failures (1–20) when its connection sets no retry policy; then it is dead."
      />
      <Field
        label="Queued run expiry (hours)"
        name="queuedRunExpiryHours"
        type="number"
        min={1}
        defaultValue={initial.queuedRunExpiryHours}
        error={fieldErrors.queuedRunExpiryHours}
        hint="A run still waiting to execute after this many hours is expired, so it no longer holds a place in the backlog."
      />
      <Field
        label="Keep finished runs for"
        name="runRetentionHours"
        placeholder="30 days"
        defaultValue={formatRunRetention(initial.runRetentionHours)}
        error={fieldErrors.runRetentionHours}
        hint="Finished runs are deleted this long after they finished, and dead ones this long after they died, unless their connection keeps its own (1 hour to 400 days, e.g. 12 hours or 30 days)."
      />
      <Field
        label="AWS account number"
        name="awsAccountNumber"
        inputMode="numeric"
        defaultValue={initial.awsAccountNumber ?? ''}
        error={fieldErrors.awsAccountNumber}
        hint="The platform's own AWS account (12 digits), which customers' queue roles must trust."
      />
      <Field
        label="Private networks algorithms may use"
        name="algorithmAllowedNetworks"
        defaultValue={initial.algorithmAllowedNetworks.split('\n').join(', ')}
        error={fieldErrors.algorithmAllowedNetworks}
        hint="CIDRs (10.0.0.0/8) or host names, separated by commas. Algorithm endpoints on other private addresses are refused; link-local and metadata addresses always are."
      />
      <Field
        label="Event flows per user"
        name="userFlowLimit"
        type="number"
        min={1}
        defaultValue={initial.userFlowLimit}
        error={fieldErrors.userFlowLimit}
        hint="Broker connections and listeners one user may have; creating one more is refused with a clear error."
      />
      <Field
        label="Hosted data per user (MB)"
        name="userDataQuotaMb"
        type="number"
        min={1}
        defaultValue={initial.userDataQuotaMb}
        error={fieldErrors.userDataQuotaMb}
        hint="Hosted data one user may store (each file counts with its path and a little for its record); an upload that would go over is refused and nothing is stored."
      />
      <Field
        label="Collections per user"
        name="userCollectionLimit"
        type="number"
        min={1}
        defaultValue={initial.userCollectionLimit}
        error={fieldErrors.userCollectionLimit}
        hint="Hosted data collections one user may have; creating one more is refused with a clear error."
      />
      <Button type="submit" disabled={save.isPending}>
        {save.isPending ? 'Saving…' : 'Save settings'}
      </Button>
    </form>
  );
}
