import { NextResponse } from 'next/server';
import { db } from '@/lib/db/client';
import { deleteFlow } from '@/lib/flows/delete-flow';
import { flowChangeInput } from '@/lib/flows/flow-change-input';
import { pauseFlow } from '@/lib/flows/pause-flow';
import { resumeFlow } from '@/lib/flows/resume-flow';
import { userRoute } from '@/lib/http/json-route';
import { parseInput } from '@/lib/validation/parse-input';

export const dynamic = 'force-dynamic';

/** Pauses ({ enabled: false }) or resumes ({ enabled: true }) a flow of the caller's algorithm. */
export const PATCH = userRoute<{ id: string }>(async (request, user, { id }) => {
  const { enabled } = parseInput(flowChangeInput, await request.json());
  return { flow: await (enabled ? resumeFlow : pauseFlow)(db(), user.id, id) };
});

export const DELETE = userRoute<{ id: string }>(async (_request, user, { id }) => {
  await deleteFlow(db(), user.id, id);
  return new NextResponse(null, { status: 204 });
});
