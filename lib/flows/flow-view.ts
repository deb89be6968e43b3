import { z } from 'zod';
import { formatAlgorithmPath } from '@/lib/algorithms/algorithm-path';
import { env, isLocalSqs } from '@/lib/env';
import type { FilterPatternJson } from '@/lib/flow-filters/parse-filter-pattern';
import type { Prisma } from '@/lib/generated/prisma/client';
import { isoTimeSchema } from '@/lib/validation/iso-time';

// What the API and the screens show of a flow: no lease or creator internals, dates as
// ISO strings so server-rendered and fetched data look the same.

export const FLOW_VIEW_INCLUDE = {
  algorithm: { select: { name: true, owner: { select: { username: true } } } },
  runTotals: { select: { succeeded: true, failed: true } },
} as const satisfies Prisma.EventFlowInclude;

type FlowRow = Prisma.EventFlowGetPayload<{ include: typeof FLOW_VIEW_INCLUDE }>;

/** A connection's message counts (the worker's side) and run counts (FlowRunTotals), as every screen shows them. */
export const flowCountsSchema = z.object({
  receivedCount: z.number().int(),
  acceptedCount: z.number().int(),
  requeuedCount: z.number().int(),
  failedCount: z.number().int().describe('Delivery errors: messages the algorithm API did not take, left for SQS (the name predates "delivery errors").'),
  filteredCount: z.number().int(),
  runsSucceeded: z.number().int().describe('Runs of this connection that succeeded, since it was created.'),
  runsFailed: z.number().int().describe('Runs the algorithm failed (it refused the input), since the connection was created.'),
});

type FlowCountsRow = Pick<FlowRow, 'receivedCount' | 'acceptedCount' | 'requeuedCount' | 'failedCount' | 'filteredCount' | 'runTotals'>;

export function flowCountsOf(flow: FlowCountsRow): z.infer<typeof flowCountsSchema> {
  return {
    receivedCount: flow.receivedCount,
    acceptedCount: flow.acceptedCount,
    requeuedCount: flow.requeuedCount,
    failedCount: flow.failedCount,
    filteredCount: flow.filteredCount,
    runsSucceeded: flow.runTotals?.succeeded ?? 0,
    runsFailed: flow.runTotals?.failed ?? 0,
  };
}

/** A connection (broker connection or event listener) as the API and the screens show it. */
export const flowViewSchema = z.object({
  id: z.string(),
  kind: z.enum(['BROKER', 'LISTENER']).describe('BROKER: made with Connect broker (Events tab); LISTENER: a legacy event listener (Listeners tab).'),
  queueUrl: z.string(),
  queueName: z.string(),
  roleArn: z.string(),
  trustWarning: z
    .string()
    .nullable()
    .describe(
      "Set while the connection's role has not been seen to require the owner's external ID (a connection made before the platform generated them): it keeps working, but says what to update.",
    ),
  version: z.string().nullable().describe('null: the latest published version at the time of each message.'),
  algorithmPath: z.string().describe('owner/name, with /version when the connection pins one.'),
  timeoutSeconds: z.number().int().nullable(),
  maxConcurrency: z.number().int().nullable().describe("null: bounded only by the user's and the platform's limits."),
  maxAttempts: z.number().int().nullable().describe("null: the platform's default retry policy."),
  runRetentionHours: z.number().int().nullable().describe('Hours its ended runs are kept; null: the platform\'s "Keep finished runs for".'),
  filters: z.array(z.record(z.string(), z.unknown())).nullable().describe('Message filters as validated; null: every message runs.'),
  onSuccessQueueUrl: z.string().nullable().describe("Where each succeeded run's result is sent (docs/destinations.md); null: nowhere."),
  onFailureQueueUrl: z.string().nullable().describe('Where a failure envelope is sent for each run that failed for good; null: nowhere.'),
  destinationBody: z.enum(['output', 'envelope']).describe('What the on-success message holds: the output only, or an envelope around it.'),
  editedAt: isoTimeSchema.nullable().describe('The last Edit: when.'),
  editedBy: z.string().nullable().describe('The last Edit: by whom (username).'),
  enabled: z.boolean(),
  status: z.enum(['STARTING', 'ACTIVE', 'PAUSED', 'ERROR', 'WAITING']),
  lastError: z.string().nullable(),
  ...flowCountsSchema.shape,
  lastMessageAt: isoTimeSchema.nullable(),
  createdAt: isoTimeSchema,
}).meta({ id: 'Flow' });

export type FlowView = z.infer<typeof flowViewSchema>;

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
    onSuccessQueueUrl: flow.onSuccessQueueUrl,
    onFailureQueueUrl: flow.onFailureQueueUrl,
    destinationBody: flow.destinationBody === 'ENVELOPE' ? 'envelope' : 'output',
    editedAt: flow.editedAt?.toISOString() ?? null,
    editedBy: flow.editedBy,
    enabled: flow.enabled,
    status: flow.status,
    lastError: flow.lastError,
    ...flowCountsOf(flow),
    lastMessageAt: flow.lastMessageAt?.toISOString() ?? null,
    createdAt: flow.createdAt.toISOString(),
  };
}
