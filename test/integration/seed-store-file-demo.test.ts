import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_STORE_FILE } from '@/lib/local/demo-data';
import { seedStoreFileDemo } from '@/lib/local/seed-store-file-demo';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createUser } from '../support/factories';

describe('the local demo of the store-file example', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.drop());

  it('seeds store-file 0.1.0 pointing at this start’s app URL, and its collection, idempotently', async () => {
    const demo = await createUser(t.db, { username: 'demo' });
    await seedStoreFileDemo(t.db, demo, 'http://localhost:3000');
    await seedStoreFileDemo(t.db, demo, 'http://localhost:4000');
    const algorithm = await t.db.algorithm.findUniqueOrThrow({ where: { ownerId_name: { ownerId: demo.id, name: 'store-file' } }, include: { versions: true } });
    expect(algorithm.versions).toEqual([
      expect.objectContaining({ version: DEMO_STORE_FILE.version, endpointUrl: 'http://localhost:4000/api/examples/store-file?owner=demo&collection=event_output_directory' }),
    ]);
    expect(await t.db.dataCollection.findMany({ where: { ownerId: demo.id }, select: { name: true } })).toEqual([{ name: 'event_output_directory' }]);
  });
});
