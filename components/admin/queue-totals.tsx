import { Card } from '@/components/ui/card';
import { formatAge } from '@/lib/admin/format-age';
import type { QueueOverviewTotals } from '@/lib/admin/list-queue-overview';

export function QueueTotals({ totals }: { totals: QueueOverviewTotals }) {
  const stats: Array<[string, string, string?]> = [
    ['Connections', String(totals.connections), totals.withProblems ? `${totals.withProblems} with problems` : undefined],
    ['Visible', String(totals.visible)],
    ['In flight', String(totals.inFlight)],
    ['Delayed', String(totals.delayed)],
    ['DLQ depth', String(totals.dlqDepth)],
    ['Dead runs', String(totals.deadRuns)],
    ['Oldest DLQ message', totals.oldestDlqMessageAgeSeconds === null ? '—' : formatAge(totals.oldestDlqMessageAgeSeconds)],
  ];
  return (
    <dl aria-label="Totals" className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-7">
      {stats.map(([label, value, note]) => (
        <Card key={label} className="px-4 py-3">
          <dt className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{label}</dt>
          <dd className="mt-1 text-2xl font-semibold text-slate-900 tabular-nums">{value}</dd>
          {note ? <dd className="text-xs text-red-700">{note}</dd> : null}
        </Card>
      ))}
    </dl>
  );
}
