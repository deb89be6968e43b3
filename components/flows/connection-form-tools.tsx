'use client';

import type { RefObject } from 'react';
import { AwsSetupLink } from '@/components/aws-setup/aws-setup-link';
import { formValues } from '@/components/forms/use-form-submit';
import { TestConnectionButton, type ConnectionValues } from './test-connection-button';

/** The fields Test connection checks: a check that ran found them valid, so their old errors go. */
export const TESTED_FIELDS = ['queueUrl', 'roleArn', 'timeoutSeconds', 'onSuccessQueueUrl', 'onFailureQueueUrl'] as const;

/** Under a connection form's fields: test the values before saving, and where to get the AWS side. */
export function ConnectionFormTools({
  formRef,
  onFieldErrors,
  onValidValues,
}: {
  formRef: RefObject<HTMLFormElement | null>;
  onFieldErrors: (errors: Record<string, string>) => void;
  /** The check ran (whatever AWS answered): the tested fields' values are valid. */
  onValidValues: (fields: readonly string[]) => void;
}) {
  return (
    <div className="flex flex-wrap items-start justify-between gap-3 rounded-md bg-slate-50 px-3 py-2.5">
      <TestConnectionButton values={() => connectionValues(formRef.current)} onFieldErrors={onFieldErrors} onValidValues={() => onValidValues(TESTED_FIELDS)} />
      <AwsSetupLink />
    </div>
  );
}

function connectionValues(form: HTMLFormElement | null): ConnectionValues {
  const { queueUrl = '', roleArn = '', timeoutSeconds, onSuccessQueueUrl, onFailureQueueUrl } = form ? formValues(form) : {};
  return { queueUrl, roleArn, timeoutSeconds, onSuccessQueueUrl, onFailureQueueUrl };
}
