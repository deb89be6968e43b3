'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useFormSubmit } from '@/components/forms/use-form-submit';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogTrigger } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { createCollectionInput } from '@/lib/data/collection-input';
import { fetchJson } from '@/lib/http/fetch-json';

/** The **New Collection** button and its dialog; `/data/hosted?new=1` opens it at once. */
export function NewCollectionDialog({ username, defaultOpen }: { username: string; defaultOpen: boolean }) {
  const router = useRouter();
  const [open, setOpen] = useState(defaultOpen);
  const { errors, pending, onSubmit, reset } = useFormSubmit({
    fields: ['name'],
    schema: createCollectionInput,
    send: (values) => fetchJson('/api/v1/collections', { method: 'POST', body: JSON.stringify(values) }),
    onSuccess: () => {
      onOpenChange(false);
      router.replace('/data/hosted');
      router.refresh();
    },
  });

  function onOpenChange(next: boolean) {
    setOpen(next);
    if (!next) reset();
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button>New Collection</Button>
      </DialogTrigger>
      <DialogContent title="New Collection" description={`Algorithms write to it as data://${username}/<collection>/<file>.`}>
        <form onSubmit={onSubmit} className="space-y-4" noValidate>
          {errors.form ? <Alert>{errors.form}</Alert> : null}
          <Field label="Collection name" name="name" placeholder="event_output_directory" autoComplete="off" spellCheck={false} error={errors.name} />
          <div className="flex justify-end">
            <Button type="submit" disabled={pending}>
              {pending ? 'Creating…' : 'Create Collection'}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
