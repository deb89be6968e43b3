'use client';

import { useRouter } from 'next/navigation';
import { useId, useRef, useState, type RefObject } from 'react';
import { useFormSubmit } from '@/components/forms/use-form-submit';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogTrigger } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { publishVersionInput } from '@/lib/algorithms/algorithm-input';
import { fetchJson } from '@/lib/http/fetch-json';
import { storeFileExampleUrl } from '@/examples/store-file/example-endpoint';

/** Local mode's built-in example endpoint: where the app serves it, and the user's collections it may write to. */
export interface BuiltInExample {
  appUrl: string;
  owner: string;
  collections: string[];
  /** The collection the guide's example writes to, offered first. */
  defaultCollection: string;
}

interface PublishVersionDialogProps {
  owner: string;
  name: string;
  latestVersion?: string;
  /** Local mode only. */
  example?: BuiltInExample;
}

/** Publishes a version of owner/name; the profile re-renders with it as the latest. */
export function PublishVersionDialog({ owner, name, latestVersion, example }: PublishVersionDialogProps) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const { errors, pending, onSubmit, reset } = useFormSubmit({
    fields: ['version', 'endpointUrl'],
    schema: publishVersionInput,
    send: (values) => fetchJson(`/api/v1/algorithms/${owner}/${name}/versions`, { method: 'POST', body: JSON.stringify(values) }),
    onSuccess: () => {
      setOpen(false);
      router.refresh();
    },
  });

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) reset();
      }}
    >
      <DialogTrigger asChild>
        <Button>Publish version</Button>
      </DialogTrigger>
      <DialogContent title={`Publish a version of ${owner}/${name}`} description="The platform runs a version by POSTing each input, as JSON, to its endpoint.">
        <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4">
          {errors.form ? <Alert>{errors.form}</Alert> : null}
          <Field
            label="Version"
            name="version"
            placeholder={latestVersion ? undefined : '0.1.0'}
            autoComplete="off"
            error={errors.version}
            hint={latestVersion ? `A semantic version greater than the latest, ${latestVersion}.` : 'A semantic version, like 0.1.0.'}
          />
          <Field
            label="Endpoint URL"
            name="endpointUrl"
            type="url"
            autoComplete="off"
            error={errors.endpointUrl}
            hint="The http:// or https:// URL of the service that runs this version: the platform POSTs each input to it."
          />
          {example ? <BuiltInExampleChooser example={example} form={formRef} /> : null}
          <div className="flex justify-end pt-2">
            <Button type="submit" disabled={pending}>
              {pending ? 'Publishing…' : 'Publish version'}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** "Use the built-in example": fills the endpoint URL with the store-file example, writing to a collection of the user's. */
function BuiltInExampleChooser({ example, form }: { example: BuiltInExample; form: RefObject<HTMLFormElement | null> }) {
  const id = useId();
  const { collections, defaultCollection } = example;
  const [collection, setCollection] = useState(collections.includes(defaultCollection) || collections.length === 0 ? defaultCollection : collections[0]!);

  function useExample() {
    const fields = form.current?.elements;
    const endpoint = fields?.namedItem('endpointUrl');
    const version = fields?.namedItem('version');
    if (endpoint instanceof HTMLInputElement) endpoint.value = storeFileExampleUrl(example.appUrl, example.owner, collection);
    if (version instanceof HTMLInputElement && version.value.trim() === '') version.value = version.placeholder || '';
  }

  return (
    <div className="space-y-2 rounded-md bg-slate-50 p-3 ring-1 ring-slate-200">
      <p className="text-xs text-slate-600">
        Local mode: no endpoint of your own yet? The built-in example writes each input&apos;s <code>data</code> to{' '}
        <code className="font-mono break-all">
          data://{example.owner}/{collection}/&lt;filename&gt;
        </code>
        .
      </p>
      {collections.length > 0 ? (
        <div className="flex items-center gap-2">
          <label htmlFor={id} className="text-xs font-semibold tracking-wide text-slate-600 uppercase">
            Collection
          </label>
          <select id={id} value={collection} onChange={(event) => setCollection(event.target.value)} className="min-w-0 rounded-md bg-white px-2 py-1 text-sm ring-1 ring-slate-300">
            {collections.map((name) => (
              <option key={name}>{name}</option>
            ))}
          </select>
        </div>
      ) : (
        <p className="text-xs text-amber-800">
          You have no collection yet: create <code>{defaultCollection}</code> under Data Sources → My Hosted Data before sending it messages.
        </p>
      )}
      <Button variant="secondary" size="sm" onClick={useExample}>
        Use the built-in example (stores a file in a collection)
      </Button>
    </div>
  );
}
