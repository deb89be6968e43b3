'use client';

import { useQuery } from '@tanstack/react-query';
import type { FlowMessagePage } from '@/lib/flow-messages/list-flow-messages';
import { fetchJson } from '@/lib/http/fetch-json';

const ENDED = new Set(['SUCCEEDED', 'FAILED', 'TIMED_OUT', 'DEAD', 'EXPIRED']);

/** The runs of one sent message, polled every second until they have ended. */
export function useMessageRuns(flowId: string, messageId: string | null) {
  return useQuery({
    queryKey: ['flow-message', flowId, messageId],
    enabled: messageId !== null,
    queryFn: () =>
      fetchJson<FlowMessagePage>(`/api/v1/flows/${flowId}/messages?messageId=${encodeURIComponent(messageId ?? '')}`).then((body) =>
        body.messages.filter((row) => row.messageId === messageId),
      ),
    refetchInterval: (query) => {
      const rows = query.state.data;
      return rows && rows.length > 0 && rows.every((row) => ENDED.has(row.outcome)) ? false : 1_000;
    },
  });
}
