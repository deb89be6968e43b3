import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlgorithm } from '@/lib/algorithms/create-algorithm';
import { getAlgorithmForOwner } from '@/lib/algorithms/get-algorithm-for-owner';
import { publishVersion } from '@/lib/algorithms/publish-version';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createUser } from '../support/factories';

describe('algorithms and their versions', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.drop());

  it('are created with a name and a description, once per name and owner', async () => {
    const user = await createUser(t.db);
    const created = await createAlgorithm(t.db, user.id, { name: 'testSQSEventFlow', description: ' Writes files ' });
    expect(created).toMatchObject({ ownerId: user.id, name: 'testSQSEventFlow', description: 'Writes files' });
    await expect(createAlgorithm(t.db, user.id, { name: 'testSQSEventFlow' })).rejects.toMatchObject({
      code: 'CONFLICT',
      fieldErrors: { name: 'You already have an algorithm named testSQSEventFlow' },
    });
    expect(await createAlgorithm(t.db, (await createUser(t.db)).id, { name: 'testSQSEventFlow' })).toMatchObject({ description: '' });
  });

  it('refuse a name that cannot appear in a path, and store nothing', async () => {
    const user = await createUser(t.db);
    for (const name of ['', 'has space', '1st', 'a/b']) {
      await expect(createAlgorithm(t.db, user.id, { name })).rejects.toMatchObject({ code: 'BAD_REQUEST', fieldErrors: { name: expect.any(String) } });
    }
    expect(await t.db.algorithm.count({ where: { ownerId: user.id } })).toBe(0);
  });

  it('publish increasing semantic versions, newest first', async () => {
    const user = await createUser(t.db);
    await createAlgorithm(t.db, user.id, { name: 'echo' });
    // Local mode, as on this machine: loopback endpoints may be published.
    await publishVersion(t.db, user.id, user.username, 'echo', { version: '0.1.0', endpointUrl: 'http://127.0.0.1:9/a' }, { localMode: true });
    await publishVersion(t.db, user.id, user.username, 'echo', { version: '0.2.0', endpointUrl: 'https://models.example.test/echo' });
    await expect(publishVersion(t.db, user.id, user.username, 'echo', { version: '0.2.0', endpointUrl: 'http://x.test' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(publishVersion(t.db, user.id, user.username, 'echo', { version: '0.1.5', endpointUrl: 'http://x.test' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      fieldErrors: { version: 'Publish a version greater than the latest, 0.2.0' },
    });
    await expect(publishVersion(t.db, user.id, user.username, 'echo', { version: 'one', endpointUrl: 'ftp://x' })).rejects.toMatchObject({
      fieldErrors: { version: expect.any(String), endpointUrl: expect.any(String) },
    });
    const algorithm = await getAlgorithmForOwner(t.db, user.id, user.username, 'echo');
    expect(algorithm.versions.map((v) => v.version)).toEqual(['0.2.0', '0.1.0']);
  });

  it('refuse an endpoint the egress policy forbids, with a field error: loopback outside local mode, by name too', async () => {
    const user = await createUser(t.db);
    const algorithm = await createAlgorithm(t.db, user.id, { name: 'reach' });
    for (const endpointUrl of ['http://127.0.0.1:8080/', 'http://localhost:8080/run', 'http://169.254.169.254/latest/meta-data/']) {
      await expect(publishVersion(t.db, user.id, user.username, 'reach', { version: '1.0.0', endpointUrl }, { localMode: false }), endpointUrl).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        fieldErrors: { endpointUrl: expect.stringMatching(/^Not allowed: /) },
      });
    }
    expect(await t.db.algorithmVersion.count({ where: { algorithmId: algorithm.id } })).toBe(0);
  });

  it('are invisible to anyone but their owner', async () => {
    const owner = await createUser(t.db);
    const other = await createUser(t.db);
    await createAlgorithm(t.db, owner.id, { name: 'private' });
    await expect(getAlgorithmForOwner(t.db, other.id, owner.username, 'private')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(publishVersion(t.db, other.id, owner.username, 'private', { version: '1.0.0', endpointUrl: 'http://x.test' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await t.db.algorithmVersion.count({ where: { algorithm: { ownerId: owner.id } } })).toBe(0);
  });
});
