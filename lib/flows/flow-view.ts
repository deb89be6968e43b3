import { formatAlgorithmPath } from '@/lib/algorithms/algorithm-path';
import { env, isLocalSqs } from '@/lib/env';
import type { FilterPatternJson } from '@/lib/flow-filters/parse-filter-pattern';
import type { EventFlowKind, EventFlowStatus, Prisma } from '@/lib/generated/prisma/client';

// What the API and the screens show of a flow: no lease or creator internals, dates as
// ISO strings so server-rendered and fetched data look the same.

export const FLOW_VIEW_INCLUDE = {
  algorithm: { select: { name: true, owner: { select: { username: true } } } },
  runTotals: { select: { succeeded: true, failed: true } },
} as const satisfies Prisma.EventFlowInclude;

type FlowRow = Prisma.EventFlowGetPayload<{ include: typeof FLOW_VIEW_INCLUDE }>;

export interface FlowView {
  id: string;
  kind: EventFlowKind;
  queueUrl: string;
  queueName: string;
  roleArn: string;
  /**
   * Set while the flow's role has not been seen to require the owner's external ID (a flow
   * made before the platform generated them): it keeps working, but says what to update.
   */
  trustWarning: string | null;
  /** null: the latest published version at the time of each message. */
  version: string | null;
  algorithmPath: string;
  timeoutSeconds: number | null;
  /** null: bounded only by the user's and the platform's limits. */
  maxConcurrency: number | null;
  /** null: the platform's default retry policy. */
  maxAttempts: number | null;
  /** Hours its ended runs are kept; null: the platform's "Keep finished runs for". */
  runRetentionHours: number | null;
  /** Message filters as validated (lib/flow-filters); null: every message runs. */
  filters: FilterPatternJson[] | null;
  /** The last Edit: when, and by whom (username). */
  editedAt: string | null;
  editedBy: string | null;
  enabled: boolean;
  status: EventFlowStatus;
  lastError: string | null;
  // Message counts, the worker's side (what each counts: components/flows/count-words.ts).
  receivedCount: number;
  acceptedCount: number;
  requeuedCount: number;
  /** Delivery errors: messages the algorithm API did not take, left for SQS (the name predates "delivery errors"). */
  failedCount: number;
  filteredCount: number;
  // Run counts since the flow was created (FlowRunTotals): succeeded, and failed (the algorithm refused the input).
  runsSucceeded: number;
  runsFailed: number;
  lastMessageAt: string | null;
  createdAt: string;
}

export const TRUST_WARNING =
  'This connection was made before the platform required your external ID. Until its role’s trust relationship requires your external ID (Condition StringEquals sts:ExternalId, shown on AWS setup), anyone who knows the role could connect its queue. Update the role, then run Test connection.';

/** `local`: local mode, where no role is assumed (so there is no trust to warn about). */
export function toFlowView(flow: FlowRow, local = isLocalSqs(env())): FlowView {
  const { algorithm } = flow;
  return {
    id: flow.id,
    kind: flow.kind,
    queueUrl: flow.queueUrl,
    queueName: flow.queueUrl.slice(flow.queueUrl.lastIndexOf('/') + 1),
    roleArn: flow.roleArn,
    trustWarning: local || flow.trustCheckedAt ? null : TRUST_WARNING,
    version: flow.version,
    algorithmPath: formatAlgorithmPath({ owner: algorithm.owner.username, name: algorithm.name, version: flow.version ?? undefined }),
    timeoutSeconds: flow.timeoutSeconds,
    maxConcurrency: flow.maxConcurrency,
    maxAttempts: flow.maxAttempts,
    runRetentionHours: flow.runRetentionHours,
    filters: (flow.filters as FilterPatternJson[] | null) ?? null,
    editedAt: flow.editedAt?.toISOString() ?? null,
    editedBy: flow.editedBy,
    enabled: flow.enabled,
    status: flow.status,
    lastError: flow.lastError,
    receivedCount: flow.receivedCount,
    acceptedCount: flow.acceptedCount,
    requeuedCount: flow.requeuedCount,
    failedCount: flow.failedCount,
    filteredCount: flow.filteredCount,
    runsSucceeded: flow.runTotals?.succeeded ?? 0,
    runsFailed: flow.runTotals?.failed ?? 0,
    lastMessageAt: flow.lastMessageAt?.toISOString() ?? null,
    createdAt: flow.createdAt.toISOString(),
  };
}
