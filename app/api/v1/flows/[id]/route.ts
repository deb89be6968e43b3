import { NextResponse } from 'next/server';
import { db } from '@/lib/db/client';
import { deleteFlow } from '@/lib/flows/delete-flow';
import { editFlow } from '@/lib/flows/edit-flow';
import { flowChangeInput } from '@/lib/flows/flow-change-input';
import { getFlowDetail } from '@/lib/flows/get-flow-detail';
import { pauseFlow } from '@/lib/flows/pause-flow';
import { resumeFlow } from '@/lib/flows/resume-flow';
import { userRoute } from '@/lib/http/json-route';
import { readJsonBody } from '@/lib/http/read-json-body';
import { parseInput } from '@/lib/validation/parse-input';

export const dynamic = 'force-dynamic';

/** The connection page's flow: its algorithm's owner or an admin. */
export const GET = userRoute<{ id: string }>(async (_request, user, { id }) => getFlowDetail(db(), user, id));

/**
 * Pauses ({ enabled: false }) or resumes ({ enabled: true }) a flow of the caller's
 * algorithm; any other body is an Edit of its settings (version, timeoutSeconds,
 * maxConcurrency, maxAttempts, runRetentionHours, filters).
 */
export const PATCH = userRoute<{ id: string }>(async (request, user, { id }) => {
  const body: unknown = await readJsonBody(request);
  if (typeof body === 'object' && body !== null && 'enabled' in body) {
    const { enabled } = parseInput(flowChangeInput, body);
    return { flow: await (enabled ? resumeFlow : pauseFlow)(db(), user.id, id) };
  }
  return { flow: await editFlow(db(), user, id, body) };
});

export const DELETE = userRoute<{ id: string }>(async (_request, user, { id }) => {
  await deleteFlow(db(), user.id, id);
  return new NextResponse(null, { status: 204 });
});
