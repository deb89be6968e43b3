'use client';

import { useRouter } from 'next/navigation';
import { useFormSubmit } from '@/components/forms/use-form-submit';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { createAlgorithmInput } from '@/lib/algorithms/algorithm-input';
import { fetchJson } from '@/lib/http/fetch-json';

interface CreateAlgorithmDialogProps {
  owner: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/** Creates an algorithm and opens its profile, where its first version is published. */
export function CreateAlgorithmDialog({ owner, open, onOpenChange }: CreateAlgorithmDialogProps) {
  const router = useRouter();
  const { errors, pending, onSubmit, reset } = useFormSubmit({
    fields: ['name', 'description'],
    schema: createAlgorithmInput,
    send: async (values) => {
      const { algorithm } = await fetchJson<{ algorithm: { owner: string; name: string } }>('/api/v1/algorithms', {
        method: 'POST',
        body: JSON.stringify(values),
      });
      onOpenChange(false);
      router.push(`/algorithms/${algorithm.owner}/${algorithm.name}`);
    },
  });

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        onOpenChange(next);
        if (!next) reset();
      }}
    >
      <DialogContent title="Create an algorithm" description="Then publish a version with the HTTP endpoint that runs it.">
        <form onSubmit={onSubmit} noValidate className="space-y-4">
          {errors.form ? <Alert>{errors.form}</Alert> : null}
          <Field label="Name" name="name" autoComplete="off" spellCheck={false} error={errors.name} hint={`Its path will be ${owner}/<name>.`} />
          <Field label="Description" name="description" autoComplete="off" error={errors.description} hint="Optional." />
          <div className="flex justify-end pt-2">
            <Button type="submit" disabled={pending}>
              {pending ? 'Creating…' : 'Create Algorithm'}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
