'use client';

import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { fetchJson } from '@/lib/http/fetch-json';

/** Deletes a version after a confirmation; the server refuses (shown in the dialog) while runs of it wait or run. */
export function DeleteVersionButton({ owner, name, version }: { owner: string; name: string; version: string }) {
  const router = useRouter();
  return (
    <ConfirmDialog
      trigger={
        <Button variant="ghost" size="sm" className="text-red-700 hover:bg-red-50" aria-label={`Delete version ${version}`}>
          Delete
        </Button>
      }
      title={`Delete version ${version}?`}
      description={
        <>
          <span className="font-mono break-all">
            {owner}/{name}/{version}
          </span>{' '}
          can no longer run. Its finished runs stay. A connection that runs this version, or that would have no version left, stops with an
          error until you choose another.
        </>
      }
      confirmLabel="Delete"
      pendingLabel="Deleting…"
      onConfirm={async () => {
        await fetchJson(`/api/v1/algorithms/${encodeURIComponent(owner)}/${encodeURIComponent(name)}/versions/${encodeURIComponent(version)}`, { method: 'DELETE' });
        router.refresh();
      }}
    />
  );
}
