'use client';

import { useMemo, useState } from 'react';
import { useFormSubmit } from '@/components/forms/use-form-submit';
import { AdvancedSettingsFields, ADVANCED_FIELDS } from '@/components/flows/advanced-fields';
import { AlgorithmVersionField } from '@/components/flows/algorithm-version-field';
import { filterTexts } from '@/components/flows/filter-patterns-field';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogTrigger } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { flowEditSchema, MAX_FLOW_TIMEOUT_SECONDS } from '@/lib/flows/flow-input';
import type { FlowDetail } from '@/lib/flows/get-flow-detail';
import { DEFAULT_RUN_TIMEOUT_SECONDS } from '@/lib/runs/run-timeout';
import { useEditConnection } from './use-connection';

const FIELDS = ['version', 'timeoutSeconds', ...ADVANCED_FIELDS] as const;

/** Edit: the connection's version, timeout, concurrency, attempts, run retention and filters (not its queue or role). */
export function EditConnectionDialog({ detail }: { detail: FlowDetail }) {
  const { flow, algorithm } = detail;
  const [open, setOpen] = useState(false);
  const [version, setVersion] = useState(flow.version ?? '');
  const schema = useMemo(() => flowEditSchema(), []);
  const edit = useEditConnection(flow.id);
  const { errors, pending, onSubmit, reset } = useFormSubmit({
    fields: FIELDS,
    schema,
    send: (values) => edit.mutateAsync(values),
    onSuccess: () => onOpenChange(false),
  });

  function onOpenChange(next: boolean) {
    setOpen(next);
    reset();
    setVersion(flow.version ?? '');
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button variant="secondary">Edit</Button>
      </DialogTrigger>
      <DialogContent title="Edit connection" description={<>The queue and the role stay as they are. Changes reach the worker within seconds.</>}>
        <form onSubmit={onSubmit} noValidate className="space-y-4">
          {errors.form ? <Alert>{errors.form}</Alert> : null}
          <AlgorithmVersionField algorithm={algorithm} versions={algorithm.versions} version={version} onVersionChange={setVersion} error={errors.version} />
          <Field
            label="Algorithm timeout in seconds"
            name="timeoutSeconds"
            type="number"
            inputMode="numeric"
            min={1}
            max={MAX_FLOW_TIMEOUT_SECONDS}
            placeholder={`Default (${DEFAULT_RUN_TIMEOUT_SECONDS})`}
            defaultValue={flow.timeoutSeconds ?? ''}
            error={errors.timeoutSeconds}
            hint={`Optional: 1 to ${MAX_FLOW_TIMEOUT_SECONDS}. Each run is stopped after this long.`}
          />
          <AdvancedSettingsFields
            errors={errors}
            initial={{ maxConcurrency: flow.maxConcurrency, maxAttempts: flow.maxAttempts, runRetentionHours: flow.runRetentionHours, filters: filterTexts(flow.filters) }}
          />
          <div className="flex justify-end gap-2 pt-2">
            <Button variant="secondary" onClick={() => onOpenChange(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? 'Saving…' : 'Save changes'}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
