'use client';

import { useMemo, useRef, useState } from 'react';
import { useFormSubmit } from '@/components/forms/use-form-submit';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogTrigger } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { flowInputSchema, MAX_FLOW_TIMEOUT_SECONDS } from '@/lib/flows/flow-input';
import { AlgorithmVersionField } from './algorithm-version-field';
import { ConnectionFormTools } from './connection-form-tools';
import { ADVANCED_FIELDS } from './advanced-fields';
import { AdvancedSection, QueueFields } from './queue-fields';
import { useCreateFlow, type AlgorithmRef } from './use-flows';

const FIELDS = ['queueUrl', 'roleArn', 'version', 'timeoutSeconds', ...ADVANCED_FIELDS] as const;

interface ConnectBrokerDialogProps {
  algorithm: AlgorithmRef;
  versions: string[];
  localSqsEndpoint?: string;
}

/** The Events tab's "Connect broker" modal. */
export function ConnectBrokerDialog({ algorithm, versions, localSqsEndpoint }: ConnectBrokerDialogProps) {
  const [open, setOpen] = useState(false);
  const [version, setVersion] = useState('');
  const formRef = useRef<HTMLFormElement>(null);
  const schema = useMemo(() => flowInputSchema(localSqsEndpoint), [localSqsEndpoint]);
  const create = useCreateFlow('BROKER');
  const { errors, pending, onSubmit, showFieldErrors, clearErrors, reset } = useFormSubmit({
    formRef,
    fields: FIELDS,
    schema,
    send: (values) => create.mutateAsync({ algorithm, values }),
    onSuccess: () => onOpenChange(false),
  });

  function onOpenChange(next: boolean) {
    setOpen(next);
    if (!next) {
      reset();
      setVersion('');
    }
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button>Connect broker</Button>
      </DialogTrigger>
      <DialogContent
        title="Connect to an Amazon SQS broker"
        description="Each message published to the queue runs the algorithm, with the message body as its input."
      >
        <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4">
          {errors.form ? <Alert>{errors.form}</Alert> : null}
          <QueueFields errors={errors} localSqsEndpoint={localSqsEndpoint} />
          <ConnectionFormTools formRef={formRef} onFieldErrors={showFieldErrors} onValidValues={(fields) => clearErrors([...fields, 'form'])} />
          <AlgorithmVersionField algorithm={algorithm} versions={versions} version={version} onVersionChange={setVersion} error={errors.version} />
          <Field
            label="Algorithm timeout in seconds"
            name="timeoutSeconds"
            type="number"
            inputMode="numeric"
            min={1}
            max={MAX_FLOW_TIMEOUT_SECONDS}
            placeholder="Optional"
            error={errors.timeoutSeconds}
            hint={`Optional: 1 to ${MAX_FLOW_TIMEOUT_SECONDS}. Each run is stopped after this long.`}
          />
          <AdvancedSection errors={errors} />
          <div className="flex justify-end pt-2">
            <Button type="submit" disabled={pending}>
              {pending ? 'Connecting…' : 'Connect to Amazon SQS broker'}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
