import { storeFileExampleUrl } from '@/examples/store-file/example-endpoint';
import type { Db } from '@/lib/db/client';
import { DEMO_STORE_FILE } from './demo-data';

/** The seed guide's example, ready to connect: `demo/store-file` and the collection it writes to. */
export async function seedStoreFileDemo(db: Db, owner: { id: string; username: string }, appUrl: string): Promise<void> {
  const algorithm = await db.algorithm.upsert({
    where: { ownerId_name: { ownerId: owner.id, name: DEMO_STORE_FILE.name } },
    create: { ownerId: owner.id, name: DEMO_STORE_FILE.name, description: DEMO_STORE_FILE.description },
    update: {},
  });
  const endpointUrl = storeFileExampleUrl(appUrl, owner.username, DEMO_STORE_FILE.collection);
  await db.algorithmVersion.upsert({
    where: { algorithmId_version: { algorithmId: algorithm.id, version: DEMO_STORE_FILE.version } },
    create: { algorithmId: algorithm.id, version: DEMO_STORE_FILE.version, endpointUrl },
    update: { endpointUrl },
  });
  await db.dataCollection.upsert({
    where: { ownerId_name: { ownerId: owner.id, name: DEMO_STORE_FILE.collection } },
    create: { ownerId: owner.id, name: DEMO_STORE_FILE.collection },
    update: {},
  });
}
