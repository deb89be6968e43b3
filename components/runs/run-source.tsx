import Link from 'next/link';
import type { RunSummary } from '@/lib/runs/run-summary';

/**
 * "API", or the event flow's queue (a link to its connection page, under `algorithmBase`:
 * /algorithms/{owner}/{name}) and the SQS message that started the run.
 */
export function RunSource({ run, algorithmBase }: { run: Pick<RunSummary, 'source' | 'eventFlow' | 'sqsMessageId'>; algorithmBase: string }) {
  if (run.source === 'API') return <span>API</span>;
  const flow = run.eventFlow;
  return (
    <span className="block">
      <span className="block">
        {flow?.kind === 'LISTENER' ? 'Event listener' : 'Event flow'}
        {flow ? (
          <>
            {' '}
            ·{' '}
            <Link href={`${algorithmBase}/${flow.kind === 'LISTENER' ? 'listeners' : 'events'}/${flow.id}`} className="font-mono text-brand-600 hover:underline">
              {flow.queueName}
            </Link>
          </>
        ) : (
          ' (deleted)'
        )}
      </span>
      {run.sqsMessageId ? <span className="block font-mono text-xs break-all text-slate-500">message {run.sqsMessageId}</span> : null}
    </span>
  );
}
