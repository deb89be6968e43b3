'use client';

import { cn } from '@/components/ui/cn';
import { useConnectionQueue } from './use-connection';

/** The queue's backlog and DLQ depth now, read as the connection's role (also the charts' sample). */
export function QueueNow({ flowId }: { flowId: string }) {
  const queue = useConnectionQueue(flowId);
  const readout = queue.data;
  let text = 'Reading…';
  let detail: string | null = null;
  let problem = false;
  if (queue.isError) text = 'Unavailable';
  else if (readout && !readout.source.ok) {
    text = 'Unreadable';
    detail = readout.source.problem.message;
    problem = true;
  } else if (readout?.source.ok) {
    text = String(readout.source.visible + readout.source.inFlight);
    detail = readout.dlq?.ok ? `DLQ ${readout.dlq.depth}` : readout.dlq ? readout.dlq.problem.message : null;
    problem = readout.dlq?.ok === false;
  }
  return (
    // A problem in plain words takes two columns of the counters' grid, and wraps there.
    <div className={cn('min-w-0 rounded-lg bg-white px-3 py-2 shadow-sm ring-1 ring-slate-200', problem && 'col-span-2')}>
      <p className="text-xs text-slate-500">Queue backlog now</p>
      <p className="text-lg font-semibold text-slate-900 tabular-nums">{text}</p>
      {detail ? <p className="text-xs break-words text-slate-500">{detail}</p> : null}
    </div>
  );
}
