import { Timestamp } from '@/components/ui/timestamp';
import type { AttemptEntry } from '@/lib/runs/attempt-log';

// An entry's outcome is how that attempt ended (lib/runs/finish-run.ts), or a replay.
const OUTCOME_WORDS: Record<string, string> = {
  SUCCEEDED: 'succeeded',
  FAILED: 'failed',
  TIMED_OUT: 'timed out',
  REPLAYED: 'replayed',
  INTERRUPTED: 'interrupted (its worker stopped)',
};

/** Each ended attempt of a run (and each replay), with its time to the second and its error. */
export function AttemptHistory({ log, error }: { log: AttemptEntry[]; error: string | null }) {
  if (log.length === 0) return <p className="text-xs text-slate-600">{error ? `One attempt: ${error}` : 'No failed attempts.'}</p>;
  return (
    <ol className="mt-1 space-y-1 text-xs">
      {log.map((entry, index) => (
        <li key={index}>
          Attempt {entry.attempt} at <Timestamp iso={entry.at} precise />: {OUTCOME_WORDS[entry.outcome] ?? entry.outcome.toLowerCase()}
          {entry.error ? <span className="text-red-700"> — {entry.error}</span> : null}
          {entry.by ? <span className="text-slate-500"> (by {entry.by})</span> : null}
        </li>
      ))}
    </ol>
  );
}
