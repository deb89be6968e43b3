'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { CopyButton } from '@/components/ui/copy-button';
import { EmptyState } from '@/components/ui/empty-state';
import { Field } from '@/components/ui/field';
import { Table, Td, Th } from '@/components/ui/table';
import { Timestamp } from '@/components/ui/timestamp';
import type { ApiKeyView } from '@/lib/api-keys/api-key-view';
import { ApiError, fetchJson } from '@/lib/http/fetch-json';

const KEYS = ['api-keys'];

export function ApiKeysPanel() {
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<{ name: string; key: string }>();
  const keys = useQuery({ queryKey: KEYS, queryFn: () => fetchJson<{ apiKeys: ApiKeyView[] }>('/api/v1/api-keys') });
  const create = useMutation({
    mutationFn: (name: string) => fetchJson<{ apiKey: { name: string; key: string } }>('/api/v1/api-keys', { method: 'POST', body: JSON.stringify({ name }) }),
    onSuccess: ({ apiKey }) => {
      setCreated(apiKey);
      return queryClient.invalidateQueries({ queryKey: KEYS });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => fetchJson(`/api/v1/api-keys/${id}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEYS }),
  });

  function onCreate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    create.mutate(String(new FormData(form).get('name')), { onSuccess: () => form.reset() });
  }

  const nameError = create.error instanceof ApiError ? (create.error.fieldErrors.name ?? create.error.message) : undefined;

  return (
    <div className="space-y-6">
      <Card className="p-5">
        <form onSubmit={onCreate} className="flex flex-col gap-3 sm:flex-row sm:items-end" noValidate>
          <div className="flex-1">
            <Field label="Key name" name="name" placeholder="e.g. ci-pipeline" error={nameError} />
          </div>
          <Button type="submit" disabled={create.isPending}>
            {create.isPending ? 'Creating…' : 'Create API key'}
          </Button>
        </form>
        {created ? (
          <div className="mt-4">
            <Alert tone="success">
              <p>
                Your new key <strong>{created.name}</strong>. Copy it now: it is shown only once.
              </p>
              <div className="mt-2 flex items-start gap-2">
                <code data-testid="new-api-key" className="block min-w-0 flex-1 rounded bg-white px-2 py-1 font-mono text-xs break-all text-slate-900">
                  {created.key}
                </code>
                <CopyButton text={created.key} label="Copy the new key" />
              </div>
            </Alert>
          </div>
        ) : null}
      </Card>

      {keys.isPending ? (
        <p className="text-sm text-slate-500">Loading keys…</p>
      ) : keys.isError ? (
        <Alert>Could not load your keys: {keys.error.message}</Alert>
      ) : keys.data.apiKeys.length === 0 ? (
        <EmptyState title="No API keys">Create a key to call the algorithm API with Authorization: Simple &lt;key&gt;.</EmptyState>
      ) : (
        <Table>
          <thead className="bg-slate-50">
            <tr>
              <Th>Name</Th>
              <Th>Key</Th>
              <Th>Created</Th>
              <Th>Last used</Th>
              <Th className="text-right">Actions</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {keys.data.apiKeys.map((key) => (
              <tr key={key.id}>
                <Td className="font-medium text-slate-900">{key.name}</Td>
                <Td className="font-mono text-xs">{key.prefix}…</Td>
                <Td>
                  <Timestamp iso={key.createdAt} />
                </Td>
                <Td>{key.lastUsedAt ? <Timestamp iso={key.lastUsedAt} /> : 'Never'}</Td>
                <Td className="text-right">
                  <Button variant="secondary" size="sm" disabled={revoke.isPending} onClick={() => revoke.mutate(key.id)} aria-label={`Revoke ${key.name}`}>
                    Revoke
                  </Button>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {revoke.isError ? <Alert>Could not revoke the key: {revoke.error.message}</Alert> : null}
    </div>
  );
}
