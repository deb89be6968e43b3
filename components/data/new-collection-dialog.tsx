'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogTrigger } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { ApiError, fetchJson } from '@/lib/http/fetch-json';

/** The **New Collection** button and its dialog; `/data/hosted?new=1` opens it at once. */
export function NewCollectionDialog({ username, defaultOpen }: { username: string; defaultOpen: boolean }) {
  const router = useRouter();
  const [open, setOpen] = useState(defaultOpen);
  const create = useMutation({
    mutationFn: (name: string) => fetchJson('/api/v1/collections', { method: 'POST', body: JSON.stringify({ name }) }),
    onSuccess: () => {
      setOpen(false);
      router.replace('/data/hosted');
      router.refresh();
    },
  });
  const error = create.error instanceof ApiError ? create.error : undefined;

  function onOpenChange(next: boolean) {
    setOpen(next);
    if (!next) create.reset();
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate(String(new FormData(event.currentTarget).get('name') ?? ''));
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button>New Collection</Button>
      </DialogTrigger>
      <DialogContent title="New Collection" description={`Algorithms write to it as data://${username}/<collection>/<file>.`}>
        <form onSubmit={onSubmit} className="space-y-4" noValidate>
          {create.error && !error?.fieldErrors.name ? <Alert>{create.error.message}</Alert> : null}
          <Field label="Collection name" name="name" placeholder="event_output_directory" autoFocus required error={error?.fieldErrors.name} />
          <div className="flex justify-end">
            <Button type="submit" disabled={create.isPending}>
              {create.isPending ? 'Creating…' : 'Create Collection'}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
