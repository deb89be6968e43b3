import Link from 'next/link';
import type { ReactNode } from 'react';
import { ConnectionPage } from '@/components/connection/connection-page';
import { MessageTraceView } from '@/components/connection/message-trace-view';
import { db } from '@/lib/db/client';
import { getMessageTrace } from '@/lib/flow-messages/get-message-trace';
import type { EventFlowKind } from '@/lib/generated/prisma/client';
import { orNotFound } from '@/lib/http/or-not-found';
import { loadConnection } from './load-connection';

// The connection page and its message trace, shared by /events/{flowId} and /listeners/{flowId}.

type Params = Promise<{ owner: string; name: string; flowId: string; messageId?: string }>;

export function connectionMetadata(kind: EventFlowKind) {
  return async ({ params }: { params: Params }) => {
    const { owner, name, flowId } = await params;
    const { detail } = await loadConnection(owner, name, flowId, kind);
    return { title: `${detail.flow.queueName} · ${owner}/${name}` };
  };
}

/** Checks the connection before its page or a message of it renders: a missing one is "Connection not found" (404). */
export function connectionLayout(kind: EventFlowKind) {
  return async function Layout({ params, children }: { params: Params; children: ReactNode }) {
    const { owner, name, flowId } = await params;
    await loadConnection(owner, name, flowId, kind);
    return children;
  };
}

export function connectionPage(kind: EventFlowKind) {
  return async function Page({ params }: { params: Params }) {
    const { owner, name, flowId } = await params;
    const { detail, path } = await loadConnection(owner, name, flowId, kind);
    return (
      <>
        <BackLink href={`/algorithms/${owner}/${name}/${kind === 'BROKER' ? 'events' : 'listeners'}`} label={kind === 'BROKER' ? 'All broker connections' : 'All event listeners'} />
        <ConnectionPage initial={detail} connectionPath={path} />
      </>
    );
  };
}

export function messageTracePage(kind: EventFlowKind) {
  return async function Page({ params }: { params: Params }) {
    const { owner, name, flowId, messageId = '' } = await params;
    const { detail, path } = await loadConnection(owner, name, flowId, kind);
    const trace = await orNotFound(getMessageTrace(db(), detail.flow.id, decodeURIComponent(messageId)));
    return (
      <>
        <BackLink href={path} label={`Connection ${detail.flow.queueName}`} />
        <MessageTraceView trace={trace} algorithmBase={`/algorithms/${owner}/${name}`} />
      </>
    );
  };
}

function BackLink({ href, label }: { href: string; label: string }) {
  return (
    <p className="mb-4 text-sm">
      <Link href={href} className="text-brand-600 hover:underline">
        ← {label}
      </Link>
    </p>
  );
}
