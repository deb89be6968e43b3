/** The connection Send test message publishes to (shared by the dialog and the status it shows after sending). */
export interface TestMessageTarget {
  flowId: string;
  queueName: string;
  /** Where the run pages live: /algorithms/{owner}/{name}. */
  algorithmBase: string;
  /** The connection page, for the message trace link. */
  connectionPath: string;
  /** The connection's filters: a body none matches is deleted without a run. */
  filters: unknown[] | null;
}
