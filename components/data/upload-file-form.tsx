'use client';

import { useRef, useState } from 'react';
import { z } from 'zod';
import { formatBytes } from '@/components/format';
import { useFormSubmit } from '@/components/forms/use-form-submit';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { filePathSchema } from '@/lib/data/data-names';
import { MAX_FILE_BYTES } from '@/lib/data/file-size-limit';
import { ApiError, fetchJson } from '@/lib/http/fetch-json';
import { fileUrl } from './file-url';

const uploadInput = z.object({ path: filePathSchema });

/** Upload: a file from this computer, saved under a name (its own, unless changed); an existing file of that name is replaced. */
export function UploadFileForm({ collection, onUploaded }: { collection: string; onUploaded: (path: string) => void }) {
  const fileInput = useRef<HTMLInputElement>(null);
  const [path, setPath] = useState('');
  const { errors, pending, onSubmit, reset } = useFormSubmit({
    fields: ['file', 'path'],
    schema: uploadInput,
    send: async ({ path: name = '' }) => {
      const file = fileInput.current?.files?.[0];
      if (!file) throw new ApiError(400, 'Choose a file', { file: 'Choose a file to upload' });
      if (file.size > MAX_FILE_BYTES) throw new ApiError(413, 'Too large', { file: `This file is ${formatBytes(file.size)}; a file may hold at most ${formatBytes(MAX_FILE_BYTES)}` });
      await fetchJson(fileUrl(collection, name), { method: 'PUT', body: file, headers: { 'content-type': file.type || 'application/octet-stream' } });
      onUploaded(name);
    },
    onSuccess: () => {
      if (fileInput.current) fileInput.current.value = '';
      setPath('');
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Upload a file" className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      {errors.form ? <Alert>{errors.form}</Alert> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <Field
          ref={fileInput}
          label="File"
          name="file"
          type="file"
          error={errors.file}
          hint={`Up to ${formatBytes(MAX_FILE_BYTES)}.`}
          onChange={(event) => {
            reset();
            setPath(event.target.files?.[0]?.name ?? '');
          }}
        />
        <Field
          label="Save as"
          name="path"
          value={path}
          onChange={(event) => setPath(event.target.value)}
          autoComplete="off"
          spellCheck={false}
          error={errors.path}
          hint="A name in this collection; a/b.txt makes folders. A file of that name is replaced."
        />
      </div>
      <div className="flex justify-end">
        <Button type="submit" disabled={pending}>
          {pending ? 'Uploading…' : 'Upload'}
        </Button>
      </div>
    </form>
  );
}
