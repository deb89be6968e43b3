import { NextResponse } from 'next/server';
import { deleteVersion } from '@/lib/algorithms/delete-version';
import { db } from '@/lib/db/client';
import { userRoute } from '@/lib/http/json-route';

export const dynamic = 'force-dynamic';

/** Deletes a version with no run waiting or running (409 otherwise); its finished runs are kept. */
export const DELETE = userRoute<{ owner: string; name: string; version: string }>(async (_request, user, { owner, name, version }) => {
  await deleteVersion(db(), user.id, owner, name, version);
  return new NextResponse(null, { status: 204 });
});
