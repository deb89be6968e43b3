import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { RunSummary } from '@/lib/runs/run-summary';

const LOOK: Record<RunSummary['status'], { tone: BadgeTone; label: string }> = {
  QUEUED: { tone: 'slate', label: 'Queued' },
  RUNNING: { tone: 'blue', label: 'Running' },
  SUCCEEDED: { tone: 'green', label: 'Succeeded' },
  FAILED: { tone: 'red', label: 'Failed' },
  TIMED_OUT: { tone: 'amber', label: 'Timed out' },
  DEAD: { tone: 'red', label: 'Dead' },
  EXPIRED: { tone: 'slate', label: 'Expired' },
};

export function RunStatusBadge({ status }: { status: RunSummary['status'] }) {
  return <Badge tone={LOOK[status].tone}>{LOOK[status].label}</Badge>;
}
