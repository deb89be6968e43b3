import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { FlowView } from '@/lib/flows/flow-view';

const STATUS: Record<FlowView['status'], { label: string; tone: BadgeTone }> = {
  ACTIVE: { label: 'active', tone: 'green' },
  STARTING: { label: 'starting', tone: 'amber' },
  PAUSED: { label: 'paused', tone: 'slate' },
  ERROR: { label: 'error', tone: 'red' },
  WAITING: { label: 'waiting', tone: 'amber' },
};

/** Why a WAITING flow does not poll, in the words the Events row and the admin view show. */
export const WAITING_REASON = "Waiting: the platform's backlog is full";

/** The flow's state as the worker last reported it, with its last error when it failed. */
export function FlowStatus({ flow }: { flow: Pick<FlowView, 'status' | 'lastError'> }) {
  const { label, tone } = STATUS[flow.status];
  return (
    <div className="space-y-1">
      <Badge tone={tone}>{label}</Badge>
      {flow.status === 'ERROR' && flow.lastError ? <p className="max-w-56 text-xs break-words text-red-700">{flow.lastError}</p> : null}
      {flow.status === 'WAITING' ? <p className="max-w-56 text-xs break-words text-amber-700">{WAITING_REASON}</p> : null}
    </div>
  );
}
