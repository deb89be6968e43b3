'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { formValues, useFormErrors } from '@/components/forms/use-form-errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { createAlgorithmInput } from '@/lib/algorithms/algorithm-input';
import { apiRequest } from '@/lib/http/api-client';

const FIELDS = ['name', 'description'] as const;

interface CreateAlgorithmDialogProps {
  owner: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/** Creates an algorithm and opens its profile, where its first version is published. */
export function CreateAlgorithmDialog({ owner, open, onOpenChange }: CreateAlgorithmDialogProps) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const { errors, validate, showServerError, reset } = useFormErrors(FIELDS);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = formValues(event.currentTarget);
    if (!validate(createAlgorithmInput, values)) return;
    setPending(true);
    try {
      const { algorithm } = await apiRequest<{ algorithm: { owner: string; name: string } }>('/api/v1/algorithms', { method: 'POST', body: values });
      onOpenChange(false);
      router.push(`/algorithms/${algorithm.owner}/${algorithm.name}`);
    } catch (error) {
      showServerError(error);
    } finally {
      setPending(false);
    }
  }

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
