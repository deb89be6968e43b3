import { findOwnedCollection } from '@/lib/data/find-owned-collection';
import { listDataFiles } from '@/lib/data/list-data-files';
import { db } from '@/lib/db/client';
import { userRoute } from '@/lib/http/json-route';

export const dynamic = 'force-dynamic';

export const GET = userRoute<{ name: string }>(async (_request, user, { name }) => {
  const collection = await findOwnedCollection(db(), user.id, user.username, name);
  return { collection: { name: collection.name, files: await listDataFiles(db(), collection.id) } };
});
