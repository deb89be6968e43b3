import { cn } from '@/components/ui/cn';
import { countText, MESSAGE_COUNTS, RUN_COUNTS, type CountWords } from './count-words';

/** "12 received", with what it counts as its tooltip. `alarm`: shown in red when not zero. */
export function CountText({ count, words, alarm }: { count: number; words: CountWords; alarm?: boolean }) {
  return (
    <span title={words.caption} className={cn('cursor-help', alarm && count > 0 && 'font-medium text-red-700')}>
      {countText(count, words)}
    </span>
  );
}

export interface FlowCountValues {
  receivedCount: number;
  acceptedCount: number;
  requeuedCount: number;
  failedCount: number;
  filteredCount: number;
  runsSucceeded: number;
  runsFailed: number;
  deadRuns: number;
}

/** A connection's message counts, in running text with a tooltip each (Events rows, the admin view). */
export function MessageCountLines({ counts }: { counts: FlowCountValues }) {
  return (
    <>
      <p>
        <CountText count={counts.receivedCount} words={MESSAGE_COUNTS.received} /> · <CountText count={counts.acceptedCount} words={MESSAGE_COUNTS.accepted} />
      </p>
      <p>
        <CountText count={counts.requeuedCount} words={MESSAGE_COUNTS.requeued} /> ·{' '}
        <CountText count={counts.failedCount} words={MESSAGE_COUNTS.deliveryErrors} alarm />
      </p>
      {counts.filteredCount > 0 ? (
        <p>
          <CountText count={counts.filteredCount} words={MESSAGE_COUNTS.filtered} />
        </p>
      ) : null}
    </>
  );
}

/** A connection's run counts, one a line with a tooltip each (Events rows, the admin view). */
export function RunCountLines({ counts }: { counts: FlowCountValues }) {
  return (
    <>
      <p>
        <CountText count={counts.runsSucceeded} words={RUN_COUNTS.succeeded} />
      </p>
      <p>
        <CountText count={counts.runsFailed} words={RUN_COUNTS.failed} alarm />
      </p>
      <p>
        <CountText count={counts.deadRuns} words={RUN_COUNTS.dead} alarm />
      </p>
    </>
  );
}
