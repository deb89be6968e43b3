'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FlowQueueReadout } from '@/lib/admin/flow-queue-readout';
import type { FlowMetrics, MetricsRange } from '@/lib/flow-metrics/get-flow-metrics';
import { usePagedList } from '@/components/ui/use-paged-list';
import type { FlowMessagePage } from '@/lib/flow-messages/list-flow-messages';
import type { FlowDetail } from '@/lib/flows/get-flow-detail';
import type { FlowView } from '@/lib/flows/flow-view';
import { fetchJson } from '@/lib/http/fetch-json';

// The connection page refreshes every 10 s: the worker writes counters and rollups at a modest rate.
export const CONNECTION_REFRESH_MS = 10_000;

const detailKey = (flowId: string) => ['connection', flowId];

export function useConnection(flowId: string, initial: FlowDetail) {
  return useQuery({
    queryKey: detailKey(flowId),
    queryFn: () => fetchJson<FlowDetail>(`/api/v1/flows/${flowId}`),
    initialData: initial,
    refetchInterval: CONNECTION_REFRESH_MS,
  });
}

export function useConnectionMetrics(flowId: string, range: MetricsRange) {
  return useQuery({
    queryKey: [...detailKey(flowId), 'metrics', range],
    queryFn: () => fetchJson<FlowMetrics>(`/api/v1/flows/${flowId}/metrics?range=${range}`),
    refetchInterval: CONNECTION_REFRESH_MS,
  });
}

export function useConnectionQueue(flowId: string) {
  return useQuery({
    queryKey: [...detailKey(flowId), 'queue'],
    queryFn: () => fetchJson<{ readout: FlowQueueReadout }>(`/api/v1/flows/${flowId}/queue`).then((body) => body.readout),
    refetchInterval: CONNECTION_REFRESH_MS,
  });
}

/** The connection's messages, a page at a time; `search` narrows them to SQS message ids starting with it. */
export function useRecentMessages(flowId: string, search: string) {
  return usePagedList<FlowMessagePage>({
    queryKey: [...detailKey(flowId), 'messages', search],
    url: `/api/v1/flows/${flowId}/messages${search ? `?messageId=${encodeURIComponent(search)}` : ''}`,
    refreshMs: CONNECTION_REFRESH_MS,
  });
}

/** Edit in place; the page's data refetch before the mutation settles. */
export function useEditConnection(flowId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (values: Record<string, string>) =>
      (await fetchJson<{ flow: FlowView }>(`/api/v1/flows/${flowId}`, { method: 'PATCH', body: JSON.stringify(values) })).flow,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: detailKey(flowId) }),
  });
}
