import { NextResponse } from 'next/server';
import { createCollection } from '@/lib/data/create-collection';
import { listCollections } from '@/lib/data/list-collections';
import { db } from '@/lib/db/client';
import { userRoute } from '@/lib/http/json-route';
import { readJsonBody } from '@/lib/http/read-json-body';

export const dynamic = 'force-dynamic';

export const GET = userRoute(async (_request, user) => ({ collections: await listCollections(db(), user.id) }));

export const POST = userRoute(async (request, user) => {
  const collection = await createCollection(db(), user.id, await readJsonBody(request));
  return NextResponse.json({ collection }, { status: 201 });
});
