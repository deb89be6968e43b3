// PostgreSQL NOTIFY channels about runs, shared by the web app (which queues runs) and
// the worker (whose executors run them and whose consumers wait for backlog room).

/**
 * NOTIFYed when runs are queued, so executors claim them at once rather than at their next
 * poll. Payload: the runs' caller (empty when unknown), so a busy executor can skip a claim
 * that could not start any of them.
 */
export const RUNS_QUEUED_CHANNEL = 'algorithm_runs_queued';

/**
 * NOTIFYed (coalesced, with the sender's executor id) when runs leave the backlog or
 * finish: other executors may claim more, and consumers waiting for room poll again.
 */
export const RUNS_MOVED_CHANNEL = 'algorithm_runs_moved';
