import type { RunSummary } from '@/lib/runs/run-summary';

/** "API", or the event flow's queue and the SQS message that started the run. */
export function RunSource({ run }: { run: Pick<RunSummary, 'source' | 'eventFlow' | 'sqsMessageId'> }) {
  if (run.source === 'API') return <span>API</span>;
  return (
    <span className="block">
      <span className="block">
        {run.eventFlow?.kind === 'LISTENER' ? 'Event listener' : 'Event flow'}
        {run.eventFlow ? (
          <>
            {' '}
            · <span className="font-mono">{run.eventFlow.queueName}</span>
          </>
        ) : (
          ' (deleted)'
        )}
      </span>
      {run.sqsMessageId ? <span className="block font-mono text-xs text-slate-500">message {run.sqsMessageId}</span> : null}
    </span>
  );
}
