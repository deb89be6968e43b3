import type { EventFlowKind } from '@/lib/generated/prisma/client';

/** A connection's page: /algorithms/{owner}/{name}/events/{id} for a broker connection, /listeners/{id} for a listener. */
export function connectionPath(flow: { owner: string; algorithmName: string; kind: EventFlowKind; id: string }): string {
  return `/algorithms/${flow.owner}/${flow.algorithmName}/${flow.kind === 'BROKER' ? 'events' : 'listeners'}/${flow.id}`;
}

/** One message's trace under a connection's page. */
export function messageTracePath(connectionPagePath: string, messageId: string): string {
  return `${connectionPagePath}/messages/${encodeURIComponent(messageId)}`;
}
