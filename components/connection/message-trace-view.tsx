import Link from 'next/link';
import { formatDuration } from '@/components/format';
import { AttemptHistory } from '@/components/runs/attempt-history';
import { describeAttempts } from '@/components/runs/describe-attempts';
import { RunStatusBadge } from '@/components/runs/run-status-badge';
import { Alert } from '@/components/ui/alert';
import { Timestamp } from '@/components/ui/timestamp';
import type { MessageTrace, MessageTraceRun } from '@/lib/flow-messages/get-message-trace';
import { JsonHighlight } from './json-highlight';

/** What became of one SQS message: its run(s), input, output, each attempt's error, and timing. */
export function MessageTraceView({ trace, algorithmBase }: { trace: MessageTrace; algorithmBase: string }) {
  return (
    <div className="space-y-6">
      <header>
        <p className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Message trace</p>
        <h2 className="font-mono text-lg font-semibold break-all text-slate-900">{trace.messageId}</h2>
      </header>
      {trace.runs.map((run) => (
        <TraceRun key={run.runId} run={run} algorithmBase={algorithmBase} />
      ))}
    </div>
  );
}

function TraceRun({ run, algorithmBase }: { run: MessageTraceRun; algorithmBase: string }) {
  return (
    <article aria-label={`Run ${run.runId}`} className="space-y-4 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <div className="flex flex-wrap items-center gap-3">
        <Link href={`${algorithmBase}/runs/${run.runId}`} className="font-mono text-sm text-brand-600 hover:underline">
          Run {run.runId}
        </Link>
        <RunStatusBadge status={run.status} />
        <span className="text-xs text-slate-600">
          version <span className="font-mono">{run.version}</span> · {describeAttempts({ status: run.status, attempt: run.attempts, maxAttempts: run.maxAttempts })}
        </span>
      </div>
      <section aria-label="Timing">
        <h3 className="text-sm font-semibold text-slate-900">Timing</h3>
        <ol className="mt-1 grid gap-2 text-xs text-slate-700 sm:grid-cols-3">
          <li>
            Received: <Timestamp iso={run.receivedAt} precise />
          </li>
          <li>Started: {run.startedAt ? <><Timestamp iso={run.startedAt} precise /> (waited {formatDuration(run.waitedMs)})</> : 'not yet'}</li>
          <li>Finished: {run.finishedAt ? <><Timestamp iso={run.finishedAt} precise /> (ran {formatDuration(run.durationMs)}; {formatDuration(run.totalMs)} from receive)</> : 'not yet'}</li>
        </ol>
      </section>
      <section aria-label="Attempts">
        <h3 className="text-sm font-semibold text-slate-900">Attempts</h3>
        <AttemptHistory log={run.attemptLog} error={run.error} />
      </section>
      <section aria-label="Input" className="space-y-1">
        <h3 className="text-sm font-semibold text-slate-900">Input</h3>
        <JsonHighlight value={run.input} />
      </section>
      {run.error ? (
        <section aria-label="Error" className="space-y-1">
          <h3 className="text-sm font-semibold text-slate-900">Error</h3>
          <Alert>{run.error}</Alert>
        </section>
      ) : run.finishedAt ? (
        <section aria-label="Output" className="space-y-1">
          <h3 className="text-sm font-semibold text-slate-900">Output</h3>
          <JsonHighlight value={run.output} />
        </section>
      ) : null}
      {run.next.length > 0 ? (
        <section aria-label="Next in the chain" className="space-y-1">
          <h3 className="text-sm font-semibold text-slate-900">Next in the chain</h3>
          <ul className="space-y-1 text-xs text-slate-700">
            {run.next.map((next) => (
              <li key={next.runId}>
                Result sent as message <span className="font-mono break-all">{next.messageId}</span> →{' '}
                <span className="font-mono">{next.algorithmPath}</span>,{' '}
                <Link href={next.tracePath} className="font-mono text-brand-600 hover:underline">
                  run {next.runId}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
