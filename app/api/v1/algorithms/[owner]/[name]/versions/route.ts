import { NextResponse } from 'next/server';
import { toAlgorithmVersionView } from '@/lib/algorithms/algorithm-view';
import { publishVersion } from '@/lib/algorithms/publish-version';
import { db } from '@/lib/db/client';
import { userRoute } from '@/lib/http/json-route';
import { readJsonBody } from '@/lib/http/read-json-body';

export const dynamic = 'force-dynamic';

/** Publishes a version: { version: "1.0.0", endpointUrl: "https://…" }. */
export const POST = userRoute<{ owner: string; name: string }>(async (request, user, { owner, name }) => {
  const version = await publishVersion(db(), user.id, owner, name, await readJsonBody(request));
  return NextResponse.json({ version: toAlgorithmVersionView(version) }, { status: 201 });
});
