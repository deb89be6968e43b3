// A run's attempt history (the attemptLog column): one entry per ended attempt and per replay.

export interface AttemptEntry {
  attempt: number;
  /** ISO time the attempt ended (or the replay happened). */
  at: string;
  /** The status the attempt left the run in: QUEUED (to be retried), SUCCEEDED, FAILED, DEAD, …, or REPLAYED. */
  outcome: string;
  error?: string;
  durationMs?: number;
  /** Who replayed it (REPLAYED entries). */
  by?: string;
}

/** The entries of an attemptLog column (a JSON array written by the executor and replays). */
export function attemptLogOf(json: unknown): AttemptEntry[] {
  return Array.isArray(json) ? (json as AttemptEntry[]) : [];
}
