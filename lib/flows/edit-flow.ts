import type { SessionUser } from '@/lib/auth/session';
import type { Db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { filtersToJson } from '@/lib/flow-filters/filters-to-json';
import type { Prisma } from '@/lib/generated/prisma/client';
import { parseInput } from '@/lib/validation/parse-input';
import { EDITABLE_FLOW_FIELDS, flowEditSchema } from './flow-input';
import { FLOW_VIEW_INCLUDE, toFlowView, type FlowView } from './flow-view';
import { notifyFlowsChanged } from './notify-flows-changed';

/**
 * Edit in place: version, timeout, maximum concurrency, maximum attempts, run retention and filters of a
 * flow of an algorithm the user owns. Only the fields sent change; blank or null sets a
 * field back to its default. Validated like creation; nothing is saved on any error. The
 * flow entry reads these per batch, and the NOTIFY tells the worker at once.
 */
export async function editFlow(db: Db, user: Pick<SessionUser, 'id' | 'username'>, flowId: string, input: unknown): Promise<FlowView> {
  const sent = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  const edit = parseInput(flowEditSchema(), input);
  const given = EDITABLE_FLOW_FIELDS.filter((field) => field in sent);
  if (given.length === 0) throw new AppError('BAD_REQUEST', `Send at least one of ${EDITABLE_FLOW_FIELDS.join(', ')}`);

  const flow = await db.eventFlow.findFirst({ where: { id: flowId, algorithm: { ownerId: user.id } }, select: { algorithmId: true } });
  if (!flow) throw new AppError('NOT_FOUND', 'No such event flow');
  if (edit.version && !(await db.algorithmVersion.findUnique({ where: { algorithmId_version: { algorithmId: flow.algorithmId, version: edit.version } } }))) {
    const message = `The algorithm has no published version ${edit.version}`;
    throw new AppError('BAD_REQUEST', message, { version: message });
  }

  const data: Prisma.EventFlowUpdateInput = { editedAt: new Date(), editedBy: user.username };
  if (given.includes('version')) data.version = edit.version ?? null;
  if (given.includes('timeoutSeconds')) data.timeoutSeconds = edit.timeoutSeconds ?? null;
  if (given.includes('maxConcurrency')) data.maxConcurrency = edit.maxConcurrency ?? null;
  if (given.includes('maxAttempts')) data.maxAttempts = edit.maxAttempts ?? null;
  if (given.includes('runRetentionHours')) data.runRetentionHours = edit.runRetentionHours ?? null;
  if (given.includes('filters')) data.filters = filtersToJson(edit.filters);

  const updated = await db.$transaction(async (tx) => {
    const row = await tx.eventFlow.update({ where: { id: flowId }, data, include: FLOW_VIEW_INCLUDE });
    await notifyFlowsChanged(tx, flowId);
    return row;
  });
  return toFlowView(updated);
}
