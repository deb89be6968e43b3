'use client';

import { useState } from 'react';
import { useExternalId } from '@/components/external-ids/external-id-panel';
import { CopyButton } from '@/components/ui/copy-button';
import { Field } from '@/components/ui/field';
import { crossAccountSetupSchema, type CrossAccountSetupValues } from '@/lib/aws-setup/cross-account-setup-input';
import { buildPolicyDocuments } from '@/lib/aws-setup/policy-documents';
import { JsonDocument } from './json-document';

type Values = Required<{ [K in keyof CrossAccountSetupValues]: string }>;

const FIELDS: Array<{ name: keyof Values; label: string; placeholder: string }> = [
  { name: 'queueAccountId', label: 'Queue account (ACCOUNT_SQS)', placeholder: '444455556666' },
  { name: 'region', label: 'Region', placeholder: 'us-west-2' },
  { name: 'queueName', label: 'Queue name (QueueName)', placeholder: 'orders' },
  { name: 'roleName', label: 'Role name', placeholder: 'READ_SQS' },
  { name: 'platformAccountId', label: 'Platform account (ACCOUNT_AE)', placeholder: '111122223333' },
  { name: 'dlqName', label: 'DLQ name (optional)', placeholder: 'orders-dlq' },
  { name: 'outputQueueName', label: 'On success, send to: queue name (optional)', placeholder: 'orders-results' },
  { name: 'failureQueueName', label: 'On failure, send to: queue name (optional)', placeholder: 'orders-failures' },
  { name: 'externalId', label: 'External ID', placeholder: 'your external ID' },
];

/** Errors of the fields filled in so far: an empty form is not a wrong one. */
function visibleErrors(values: Values): Partial<Record<keyof Values, string>> {
  const result = crossAccountSetupSchema.safeParse(values);
  const errors: Partial<Record<keyof Values, string>> = {};
  for (const issue of result.error?.issues ?? []) {
    const name = issue.path[0] as keyof Values;
    if (values[name]?.trim()) errors[name] ??= issue.message;
  }
  return errors;
}

/** The Scenario #2 documents, filled in with the user's values as they type. */
export function CrossAccountDocumentsForm({ platformAccountNumber }: { platformAccountNumber: string | null }) {
  const [typed, setValues] = useState<Values>({
    queueAccountId: '',
    region: '',
    queueName: '',
    roleName: 'READ_SQS',
    platformAccountId: platformAccountNumber ?? '',
    dlqName: '',
    outputQueueName: '',
    failureQueueName: '',
    externalId: '',
  });
  // Always the user's own (it follows a Rotate on this page).
  const values = { ...typed, externalId: useExternalId().data ?? '' };
  const parsed = crossAccountSetupSchema.safeParse(values);
  const documents = parsed.success ? buildPolicyDocuments(parsed.data) : null;
  const errors = visibleErrors(values);
  return (
    <div className="space-y-6">
      <form className="grid gap-4 sm:grid-cols-2" onSubmit={(event) => event.preventDefault()} noValidate>
        {FIELDS.map(({ name, label, placeholder }) => (
          <Field
            key={name}
            label={label}
            name={name}
            placeholder={placeholder}
            value={values[name]}
            error={errors[name]}
            readOnly={name === 'externalId' || (name === 'platformAccountId' && platformAccountNumber !== null)}
            hint={name === 'externalId' ? 'Set by the platform for your account' : name === 'platformAccountId' && platformAccountNumber ? 'From the platform settings' : undefined}
            onChange={(event) => setValues({ ...typed, [name]: event.target.value })}
          />
        ))}
      </form>
      {documents ? (
        <div className="space-y-6">
          <dl className="grid gap-2 rounded-md bg-slate-50 px-4 py-3 text-sm">
            {[
              ['URI', documents.queueUrl],
              ['ROLE ARN', documents.roleArn],
            ].map(([term, value]) => (
              <div key={term} className="flex flex-wrap items-center justify-between gap-2">
                <dt className="text-xs font-semibold tracking-wide text-slate-600 uppercase">{term} for Connect broker</dt>
                <dd className="flex items-center gap-2 font-mono text-xs">
                  {value}
                  <CopyButton text={value!} label={`Copy ${term}`} />
                </dd>
              </div>
            ))}
          </dl>
          <JsonDocument title="READ_SQS" description={`Permission policy of the role ${values.roleName}, in account ${values.queueAccountId}.`} document={documents.readSqs} />
          <JsonDocument
            title="ASSUME_READ_SQS"
            description={`Permission policy in the platform account ${values.platformAccountId}, for the identity the platform runs as.`}
            document={documents.assumeReadSqs}
          />
          <JsonDocument title="Trust relationship" description={`Of the role ${values.roleName}: IAM → Roles → ${values.roleName} → Trust relationships.`} document={documents.trustRelationship} />
        </div>
      ) : (
        <p className="text-sm text-slate-500">Fill in the queue account, region, queue name, role name and platform account to see the documents.</p>
      )}
    </div>
  );
}
