import { NextResponse } from 'next/server';
import { queueAccess } from '@/lib/sqs/queue-access';
import { queueReadoutCaches, readoutKey } from '@/lib/admin/queue-readout-cache';
import { db } from '@/lib/db/client';
import { userRoute } from '@/lib/http/json-route';
import { logger } from '@/lib/logger';
import { findOperableFlow } from '@/lib/redrive/find-operable-flow';
import { listRedriveTasks } from '@/lib/redrive/list-redrive-tasks';
import { startRedrive } from '@/lib/redrive/start-redrive';

export const GET = userRoute<{ id: string }>(async (_request, user, { id }) => listRedriveTasks(await findOperableFlow(db(), user, id, 'read'), queueAccess()));

export const POST = userRoute<{ id: string }>(async (_request, user, { id }) => {
  const flow = await findOperableFlow(db(), user, id, 'act');
  const result = await startRedrive(flow, queueAccess());
  // The next admin view reads the queues again rather than showing the old DLQ depth.
  queueReadoutCaches().readouts.delete(readoutKey(flow));
  logger.info({ flowId: flow.id, userId: user.id, method: result.method, moved: result.task.moved }, 'DLQ redrive started');
  return NextResponse.json(result, { status: result.task.status === 'RUNNING' ? 202 : 200 });
});
