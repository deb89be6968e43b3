'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useFormSubmit } from '@/components/forms/use-form-submit';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogTrigger } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { publishVersionInput } from '@/lib/algorithms/algorithm-input';
import { fetchJson } from '@/lib/http/fetch-json';

/** Publishes a version of owner/name; the profile re-renders with it as the latest. */
export function PublishVersionDialog({ owner, name, latestVersion }: { owner: string; name: string; latestVersion?: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
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
        <form onSubmit={onSubmit} noValidate className="space-y-4">
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
            placeholder="https://models.example.com/my-algorithm"
            autoComplete="off"
            error={errors.endpointUrl}
            hint="The HTTP endpoint that runs this version."
          />
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
