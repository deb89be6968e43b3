'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FlowView } from '@/lib/flows/flow-view';
import type { FlowListItem } from '@/lib/flows/list-flows';
import { fetchJson } from '@/lib/http/fetch-json';

export type FlowKind = FlowView['kind'];

export interface AlgorithmRef {
  owner: string;
  name: string;
}

// Counters and statuses are written by the worker; refresh them while the tab is open.
const REFRESH_INTERVAL_MS = 10_000;

function flowsPath({ owner, name }: AlgorithmRef, kind: FlowKind): string {
  return `/api/v1/algorithms/${encodeURIComponent(owner)}/${encodeURIComponent(name)}/${kind === 'BROKER' ? 'connections' : 'listeners'}`;
}

const algorithmFlowsKey = ({ owner, name }: AlgorithmRef) => ['flows', owner, name];

export function useFlows(algorithm: AlgorithmRef, kind: FlowKind, initialFlows: FlowListItem[]) {
  return useQuery({
    queryKey: [...algorithmFlowsKey(algorithm), kind],
    queryFn: async () => (await fetchJson<{ flows: FlowListItem[] }>(flowsPath(algorithm, kind))).flows,
    initialData: initialFlows,
    refetchInterval: REFRESH_INTERVAL_MS,
  });
}

/** Creates a connection or listener; the algorithm's lists refetch before the mutation settles. */
export function useCreateFlow(kind: FlowKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ algorithm, values }: { algorithm: AlgorithmRef; values: Record<string, string> }) =>
      (await fetchJson<{ flow: FlowView }>(flowsPath(algorithm, kind), { method: 'POST', body: JSON.stringify(values) })).flow,
    onSuccess: (_flow, { algorithm }) => queryClient.invalidateQueries({ queryKey: algorithmFlowsKey(algorithm) }),
  });
}

/** Pause (enabled false), resume (enabled true) or delete a flow of the algorithm. */
export function useFlowActions(algorithm: AlgorithmRef) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: algorithmFlowsKey(algorithm) });
  const setEnabled = useMutation({
    mutationFn: ({ id, enabled }: { id: string; enabled: boolean }) => fetchJson(`/api/v1/flows/${id}`, { method: 'PATCH', body: JSON.stringify({ enabled }) }),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (id: string) => fetchJson(`/api/v1/flows/${id}`, { method: 'DELETE' }),
    onSuccess: refresh,
  });
  return { setEnabled, remove };
}
