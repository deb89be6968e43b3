import { findOwnedCollection } from '@/lib/data/find-owned-collection';
import { listFilePreviews } from '@/lib/data/list-file-previews';
import { db } from '@/lib/db/client';
import { userRoute } from '@/lib/http/json-route';

export const dynamic = 'force-dynamic';

/** The collection and a page of its files (name order, with the start of each text file); ?prefix= narrows by name, ?cursor= is the next page. */
export const GET = userRoute<{ name: string }>(async (request, user, { name }) => {
  const collection = await findOwnedCollection(db(), user.id, user.username, name);
  const params = new URL(request.url).searchParams;
  const page = await listFilePreviews(db(), collection.id, { prefix: params.get('prefix') ?? undefined, cursor: params.get('cursor') });
  return { collection: { name: collection.name, createdAt: collection.createdAt.toISOString() }, ...page };
});
