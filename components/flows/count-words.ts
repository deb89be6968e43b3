// What each count of a connection counts, in the words every screen uses (Events and
// Listeners rows, the connection page, the admin view) and docs/connections.md repeats:
// message counts are the worker's side (what became of what it took from the queue), run
// counts the runs' side. Never one under the other's name.

export interface CountWords {
  /** Column or card title. */
  title: string;
  /** After the number in running text: "1 failed run", "3 failed runs". */
  one: string;
  many: string;
  /** What it counts, for a tooltip. */
  caption: string;
}

export const MESSAGE_COUNTS = {
  received: {
    title: 'Received',
    one: 'received',
    many: 'received',
    caption: 'Messages the worker took from the queue. A message SQS delivers again counts again.',
  },
  accepted: {
    title: 'Accepted',
    one: 'accepted',
    many: 'accepted',
    caption: 'Messages the platform queued as runs; then they were deleted from the queue.',
  },
  requeued: {
    title: 'Requeued (429)',
    one: 'requeued',
    many: 'requeued',
    caption: "Messages put back in the queue for a while because the platform's backlog was full (429).",
  },
  deliveryErrors: {
    title: 'Delivery errors',
    one: 'delivery error',
    many: 'delivery errors',
    caption:
      'Messages the algorithm API did not take (an error, no answer in time, or a connection that cannot run). They stay in the queue: SQS delivers them again, and moves them to the DLQ after Maximum Receives. Not runs.',
  },
  filtered: {
    title: 'Filtered',
    one: 'filtered',
    many: 'filtered',
    caption: 'Messages no filter pattern matched: deleted without a run.',
  },
} as const satisfies Record<string, CountWords>;

export const RUN_COUNTS = {
  succeeded: {
    title: 'Succeeded runs',
    one: 'succeeded',
    many: 'succeeded',
    caption: 'Runs of this connection that succeeded, since it was created.',
  },
  failed: {
    title: 'Failed runs',
    one: 'failed run',
    many: 'failed runs',
    caption: 'Runs the algorithm failed, since the connection was created: it refused the input (a 4xx answer, or an output it could not give). Not retried; see the Runs tab.',
  },
  dead: {
    title: 'Dead runs',
    one: 'dead run',
    many: 'dead runs',
    caption: 'Runs that gave up after every attempt failed for a reason that can pass (network, timeout, 5xx), or that waited queued past the expiry. They can be replayed.',
  },
} as const satisfies Record<string, CountWords>;

/** "1 failed run", "3 failed runs", "1,024 received". */
export function countText(count: number, words: CountWords): string {
  return `${count.toLocaleString('en')} ${count === 1 ? words.one : words.many}`;
}
