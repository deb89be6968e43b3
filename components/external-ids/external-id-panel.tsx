'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { CopyButton } from '@/components/ui/copy-button';
import { fetchJson } from '@/lib/http/fetch-json';

const EXTERNAL_ID_KEY = ['external-id'] as const;

export function useExternalId() {
  return useQuery({ queryKey: EXTERNAL_ID_KEY, queryFn: () => fetchJson<{ externalId: string }>('/api/v1/external-id').then((body) => body.externalId) });
}

/**
 * The signed-in user's external ID, read-only with Copy: the platform sends it on every
 * AssumeRole, and the role's trust relationship must require it. `rotatable` adds Rotate.
 */
export function ExternalIdPanel({ rotatable = false }: { rotatable?: boolean }) {
  const externalId = useExternalId();
  const queryClient = useQueryClient();
  const rotate = useMutation({
    mutationFn: () => fetchJson<{ externalId: string }>('/api/v1/external-id', { method: 'POST' }),
    onSuccess: (body) => queryClient.setQueryData(EXTERNAL_ID_KEY, body.externalId),
  });
  return (
    <div className="space-y-1.5">
      <div className="text-sm font-medium text-slate-700" id="external-id-label">
        External ID
      </div>
      <div className="flex items-center gap-2">
        <output aria-labelledby="external-id-label" className="min-w-0 flex-1 rounded-md border border-slate-200 bg-slate-50 px-3 py-1.5 font-mono text-xs break-all text-slate-800">
          {externalId.data ?? (externalId.isError ? 'Could not load your external ID' : 'Loading…')}
        </output>
        {externalId.data ? <CopyButton text={externalId.data} label="Copy external ID" /> : null}
        {rotatable ? (
          <ConfirmDialog
            trigger={
              <Button variant="secondary" size="sm">
                Rotate
              </Button>
            }
            title="Rotate your external ID?"
            description="The platform will send a new external ID for all your connections. Every connection whose role trusts the old one stops receiving messages until you put the new ID in that role's trust relationship."
            confirmLabel="Rotate"
            pendingLabel="Rotating…"
            onConfirm={() => rotate.mutateAsync()}
          />
        ) : null}
      </div>
      <p className="text-xs text-slate-600">
        Set by the platform for your account: every AssumeRole for your connections sends it, and the role&apos;s trust relationship must require it
        (Condition StringEquals <code>sts:ExternalId</code>). A role that does not is refused.
      </p>
    </div>
  );
}
