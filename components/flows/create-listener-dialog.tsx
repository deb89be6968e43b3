'use client';

import { useRouter } from 'next/navigation';
import { useMemo, useRef, useState } from 'react';
import { z } from 'zod';
import { useFormSubmit } from '@/components/forms/use-form-submit';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { formatAlgorithmPath, parseAlgorithmPath } from '@/lib/algorithms/algorithm-path';
import { flowInputSchema } from '@/lib/flows/flow-input';
import { ConnectionFormTools } from './connection-form-tools';
import { ADVANCED_FIELDS } from './advanced-fields';
import { AdvancedSection, QueueFields } from './queue-fields';
import { useCreateFlow, type AlgorithmRef } from './use-flows';

export interface ListenerAlgorithm extends AlgorithmRef {
  latestVersion: string | null;
}

interface CreateListenerDialogProps {
  algorithms: ListenerAlgorithm[];
  localSqsEndpoint?: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

function findAlgorithm(algorithms: ListenerAlgorithm[], path: string) {
  const chosen = parseAlgorithmPath(path);
  return chosen && algorithms.find((a) => a.owner === chosen.owner && a.name === chosen.name);
}

/** The legacy path: Home → Create New → Event Listener. Opens the algorithm's Listeners tab when done. */
export function CreateListenerDialog({ algorithms, localSqsEndpoint, open, onOpenChange }: CreateListenerDialogProps) {
  const router = useRouter();
  const [path, setPath] = useState('');
  const formRef = useRef<HTMLFormElement>(null);
  const create = useCreateFlow('LISTENER');
  // The connection schema, plus the full algorithm path typed instead of a fixed owner/name.
  const schema = useMemo(
    () =>
      flowInputSchema(localSqsEndpoint).extend({
        algorithm: z
          .string()
          .refine((typed) => findAlgorithm(algorithms, typed), 'Choose one of your algorithms: owner/name, or owner/name/version')
          .refine((typed) => findAlgorithm(algorithms, typed)?.latestVersion !== null, 'This algorithm has no published version yet: publish one on its Overview tab first.'),
      }),
    [algorithms, localSqsEndpoint],
  );
  const { errors, pending, onSubmit, showFieldErrors, clearErrors, reset } = useFormSubmit({
    formRef,
    fields: ['queueUrl', 'roleArn', 'algorithm', ...ADVANCED_FIELDS],
    rename: { version: 'algorithm' },
    schema,
    toValues: (values) => ({ ...values, version: parseAlgorithmPath(values.algorithm ?? '')?.version ?? '' }),
    send: async ({ algorithm: typed = '', ...values }) => {
      const algorithm = findAlgorithm(algorithms, typed)!;
      await create.mutateAsync({ algorithm, values });
      close(false);
      router.push(`/algorithms/${algorithm.owner}/${algorithm.name}/listeners`);
    },
  });
  const chosen = parseAlgorithmPath(path);
  const algorithm = findAlgorithm(algorithms, path);

  function close(next: boolean) {
    onOpenChange(next);
    if (!next) {
      reset();
      setPath('');
    }
  }

  return (
    <Dialog open={open} onOpenChange={close}>
      <DialogContent title="Create an event listener" description="Each message published to the queue runs the algorithm, with the message body as its input.">
        <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4">
          {errors.form ? <Alert>{errors.form}</Alert> : null}
          {algorithms.length === 0 ? <Alert tone="info">Create an algorithm first: Create New → Algorithm.</Alert> : null}
          <QueueFields errors={errors} localSqsEndpoint={localSqsEndpoint} />
          <ConnectionFormTools formRef={formRef} onFieldErrors={showFieldErrors} onValidValues={(fields) => clearErrors([...fields, 'form'])} />
          <Field
            label="Algorithm"
            name="algorithm"
            value={path}
            onChange={(event) => setPath(event.target.value)}
            list="listener-algorithms"
            placeholder={algorithms[0] ? formatAlgorithmPath(algorithms[0]) : 'owner/name/version'}
            autoComplete="off"
            spellCheck={false}
            error={errors.algorithm}
            hint={
              algorithm
                ? `Runs ${formatAlgorithmPath({ ...algorithm, version: chosen?.version })}${chosen?.version ? '' : ' at the latest published version when each message arrives'}.`
                : 'The full path of one of your algorithms: owner/name, optionally /version.'
            }
          />
          <datalist id="listener-algorithms">
            {algorithms.flatMap((a) => [
              <option key={formatAlgorithmPath(a)} value={formatAlgorithmPath(a)} />,
              a.latestVersion ? <option key={`${formatAlgorithmPath(a)}/v`} value={formatAlgorithmPath({ ...a, version: a.latestVersion })} /> : null,
            ])}
          </datalist>
          <AdvancedSection errors={errors} />
          <div className="flex justify-end pt-2">
            <Button type="submit" disabled={pending || algorithms.length === 0}>
              {pending ? 'Creating…' : 'Create New Event Listener'}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
