import { sqlPool, type Db } from '@/lib/db/client';

/** What admitting a flow's messages needs: the flow, and the version its messages run now. */
export interface FlowToRun {
  algorithmId: string;
  creatorId: string;
  timeoutSeconds: number | null;
  maxAttempts: number | null;
  /** The version the flow pins; null: the latest published one. */
  version: string | null;
  /** The version that runs: the pinned one, else the latest published; null when there is none. */
  versionId: string | null;
  filters: unknown;
}

// Read for every received batch (a hot path): a named statement through pg, planned once per connection.
const READ_FLOW_TO_RUN = {
  name: 'read-flow-to-run',
  text: `
    SELECT f."algorithmId", f."creatorId", f."timeoutSeconds", f."maxAttempts", f."version", f."filters",
      (SELECT v."id" FROM "AlgorithmVersion" v
        WHERE v."algorithmId" = f."algorithmId" AND (f."version" IS NULL OR v."version" = f."version")
        ORDER BY v."createdAt" DESC LIMIT 1) AS "versionId"
    FROM "EventFlow" f WHERE f."id" = $1 AND f."enabled"`,
};

/** An enabled flow and the version it runs, in one round trip; undefined when it is missing or paused. */
export async function readFlowToRun(db: Db, flowId: string): Promise<FlowToRun | undefined> {
  const { rows } = await sqlPool(db).query<FlowToRun>({ ...READ_FLOW_TO_RUN, values: [flowId] });
  return rows[0];
}
