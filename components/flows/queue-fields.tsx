'use client';

import { useEffect, useRef } from 'react';
import { ExternalIdPanel } from '@/components/external-ids/external-id-panel';
import { Field } from '@/components/ui/field';
import { localQueueUrlExample } from '@/lib/flows/local-queue-example';
import type { FormErrors } from '@/components/forms/use-form-submit';
import { AdvancedSettingsFields, hasAdvancedError } from './advanced-fields';

/** URI and ROLE ARN (the stack's QueueURL and QueueConsumerARN), shared by both connection modals. */
export function QueueFields({ errors, localSqsEndpoint }: { errors: FormErrors; localSqsEndpoint?: string }) {
  return (
    <>
      <Field
        label="URI"
        name="queueUrl"
        autoComplete="off"
        spellCheck={false}
        placeholder="https://sqs.us-west-2.amazonaws.com/123456789012/QueueName"
        error={errors.queueUrl}
        hint={
          localSqsEndpoint ? (
            <>
              Local mode: a queue of the SQS emulator, e.g. <code className="break-all">{localQueueUrlExample(localSqsEndpoint)}</code>
            </>
          ) : (
            'The QueueURL output of your CloudFormation stack.'
          )
        }
      />
      <Field
        label="ROLE ARN"
        name="roleArn"
        autoComplete="off"
        spellCheck={false}
        placeholder="arn:aws:iam::123456789012:role/READ_SQS"
        error={errors.roleArn}
        hint={
          localSqsEndpoint
            ? 'Local mode uses local credentials: any role ARN, e.g. arn:aws:iam::000000000000:role/local, is stored but not assumed.'
            : 'The QueueConsumerARN output: the role the platform assumes to read the queue.'
        }
      />
      <ExternalIdPanel />
    </>
  );
}

/** Advanced: concurrency, attempts, run retention, message filters and destinations. Folded away: most connections need none. */
export function AdvancedSection({ errors }: { errors: FormErrors }) {
  // An error opens the section; nothing closes it but the user, not even fixing the error
  // (errors clear as their field is edited, and the field must not vanish under the cursor).
  const section = useRef<HTMLDetailsElement>(null);
  const hasError = hasAdvancedError(errors);
  useEffect(() => {
    if (hasError && section.current) section.current.open = true;
  }, [hasError]);
  return (
    <details ref={section} className="rounded-md border border-slate-200 px-3 py-2">
      <summary className="cursor-pointer text-sm font-medium text-slate-700">Advanced</summary>
      <div className="mt-3 space-y-4">
        <AdvancedSettingsFields errors={errors} />
      </div>
    </details>
  );
}
