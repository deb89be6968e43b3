'use client';

import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { ApiError, fetchJson } from '@/lib/http/fetch-json';
import type { PlatformSettings } from '@/lib/settings/get-platform-settings';

export function PlatformSettingsForm({ initial }: { initial: PlatformSettings }) {
  const save = useMutation({
    mutationFn: (body: Record<string, FormDataEntryValue | null>) =>
      fetchJson<{ settings: PlatformSettings }>('/api/v1/admin/settings', { method: 'PUT', body: JSON.stringify(body) }),
  });
  const fieldErrors = save.error instanceof ApiError ? save.error.fieldErrors : {};

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    save.mutate({
      maxWorkers: form.get('maxWorkers'),
      userSessionLimit: form.get('userSessionLimit'),
      awsAccountNumber: form.get('awsAccountNumber'),
      algorithmAllowedNetworks: form.get('algorithmAllowedNetworks'),
      userFlowLimit: form.get('userFlowLimit'),
      userDataQuotaMb: form.get('userDataQuotaMb'),
    });
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
        hint="Runs in flight at once, platform-wide. Beyond it the algorithm API answers 429 and queued messages wait in SQS."
      />
      <Field
        label="User session limit"
        name="userSessionLimit"
        type="number"
        min={1}
        defaultValue={initial.userSessionLimit}
        error={fieldErrors.userSessionLimit}
        hint="Runs in flight at once for one user."
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
      />
      <Field
        label="Hosted data per user (MB)"
        name="userDataQuotaMb"
        type="number"
        min={1}
        defaultValue={initial.userDataQuotaMb}
        error={fieldErrors.userDataQuotaMb}
      />
      <Button type="submit" disabled={save.isPending}>
        {save.isPending ? 'Saving…' : 'Save settings'}
      </Button>
    </form>
  );
}
