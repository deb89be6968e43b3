import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '@/lib/api-keys/create-api-key';
import { createDataToken } from '@/lib/data/data-token';
import { startApp, TEST_DATA_TOKEN_KEY, type RunningApp } from '../support/app';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createUser } from '../support/factories';
import { signUpOverHttp } from '../support/session';

describe('hosted data', () => {
  let t: TestDatabase;
  let app: RunningApp;

  beforeAll(async () => {
    t = await createTestDatabase();
    app = await startApp(t.url);
  });
  afterAll(async () => {
    await app?.stop();
    await t?.drop();
  });

  async function ownerWithCollection(name = 'event_output_directory') {
    const user = await createUser(t.db);
    await t.db.dataCollection.create({ data: { ownerId: user.id, name } });
    const { key } = await createApiKey(t.db, user.id, { name: 'test' });
    return { user, key, base: `${app.url}/v1/data/${user.username}/${name}` };
  }

  const auth = (key: string) => ({ authorization: `Simple ${key}` });

  describe('the data API', () => {
    it('puts, reads, lists and deletes files with an API key', async () => {
      const { key, base, user } = await ownerWithCollection();
      const put = await fetch(`${base}/some-new-file.txt`, { method: 'PUT', headers: { ...auth(key), 'content-type': 'text/plain' }, body: 'file contents to store' });
      expect(put.status).toBe(200);
      expect(await put.json()).toEqual({ result: `data://${user.username}/event_output_directory/some-new-file.txt` });
      await fetch(`${base}/nested/dir/b.bin`, { method: 'PUT', headers: auth(key), body: new Uint8Array([0, 1, 2]) });

      const read = await fetch(`${base}/some-new-file.txt`, { headers: auth(key) });
      expect(read.headers.get('content-type')).toBe('text/plain');
      expect(await read.text()).toBe('file contents to store');
      expect(new Uint8Array(await (await fetch(`${base}/nested/dir/b.bin`, { headers: auth(key) })).arrayBuffer())).toEqual(new Uint8Array([0, 1, 2]));

      const list = await (await fetch(base, { headers: auth(key) })).json();
      expect(list.files.map((f: { filename: string; size: number }) => [f.filename, f.size])).toEqual([
        ['nested/dir/b.bin', 3],
        ['some-new-file.txt', 22],
      ]);

      expect((await fetch(`${base}/some-new-file.txt`, { method: 'DELETE', headers: auth(key) })).status).toBe(200);
      expect((await fetch(`${base}/some-new-file.txt`, { headers: auth(key) })).status).toBe(404);
      expect((await fetch(`${base}/some-new-file.txt`, { method: 'DELETE', headers: auth(key) })).status).toBe(404);
    });

    it("accepts a run's data token for its owner's collections only, until it expires", async () => {
      const owner = await ownerWithCollection();
      const other = await ownerWithCollection();
      const token = createDataToken(TEST_DATA_TOKEN_KEY, owner.user.id, new Date(Date.now() + 60_000));
      const bearer = { authorization: `Bearer ${token}` };
      expect((await fetch(`${owner.base}/f.txt`, { method: 'PUT', headers: bearer, body: 'x' })).status).toBe(200);
      expect((await fetch(`${other.base}/f.txt`, { method: 'PUT', headers: bearer, body: 'x' })).status).toBe(404);
      const expired = createDataToken(TEST_DATA_TOKEN_KEY, owner.user.id, new Date(Date.now() - 1_000));
      expect((await fetch(`${owner.base}/f.txt`, { headers: { authorization: `Bearer ${expired}` } })).status).toBe(401);
      const forged = createDataToken('some-other-secret-of-sufficient-length', owner.user.id, new Date(Date.now() + 60_000));
      expect((await fetch(`${owner.base}/f.txt`, { headers: { authorization: `Bearer ${forged}` } })).status).toBe(401);
      expect(await t.db.dataFile.count({ where: { collection: { ownerId: other.user.id } } })).toBe(0);
    });

    it("answers 401 for a wrong key, and 404 for another user's collection or one that does not exist", async () => {
      const owner = await ownerWithCollection();
      const stranger = await ownerWithCollection();
      expect((await fetch(`${owner.base}/f.txt`, { method: 'PUT', body: 'x' })).status).toBe(401);
      expect((await fetch(`${owner.base}/f.txt`, { method: 'PUT', headers: auth('ef_wrong'), body: 'x' })).status).toBe(401);
      const theirs = await fetch(`${owner.base}/f.txt`, { method: 'PUT', headers: auth(stranger.key), body: 'x' });
      expect(theirs.status).toBe(404);
      expect((await fetch(owner.base, { headers: auth(stranger.key) })).status).toBe(404);
      expect((await fetch(`${app.url}/v1/data/${owner.user.username}/nope/f.txt`, { headers: auth(owner.key) })).status).toBe(404);
      expect(await t.db.dataFile.count({ where: { collection: { ownerId: owner.user.id } } })).toBe(0);
    });

    it('refuses paths that escape or are malformed', async () => {
      const { key, base, user } = await ownerWithCollection();
      // URLs resolve a plain "..": an encoded slash smuggles one into a segment instead.
      const response = await fetch(`${base}/a%2F..%2F..%2Fb.txt`, { method: 'PUT', headers: auth(key), body: 'x' });
      expect(response.status).toBe(400);
      expect((await response.json()).error.message).toMatch(/File path/);
      expect((await fetch(`${base}/tab%09name`, { method: 'PUT', headers: auth(key), body: 'x' })).status).toBe(400);
      expect(await t.db.dataFile.count({ where: { collection: { ownerId: user.id } } })).toBe(0);
    });
  });

  describe('the collections API', () => {
    it('creates collections for the signed-in user and lists them with their files', async () => {
      const { username, cookie } = await signUpOverHttp(app.url);
      const create = (name: unknown) =>
        fetch(`${app.url}/api/v1/collections`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ name }) });
      expect((await create('event_output_directory')).status).toBe(201);
      const duplicate = await create('event_output_directory');
      expect(duplicate.status).toBe(409);
      expect((await duplicate.json()).error.fieldErrors).toEqual({ name: 'You already have a collection with that name' });
      const bad = await create('has spaces');
      expect(bad.status).toBe(400);
      expect((await bad.json()).error.fieldErrors.name).toMatch(/letters, digits/);

      const user = await t.db.user.findUniqueOrThrow({ where: { username } });
      const { key } = await createApiKey(t.db, user.id, { name: 'k' });
      await fetch(`${app.url}/v1/data/${username}/event_output_directory/a.txt`, { method: 'PUT', headers: auth(key), body: 'abc' });
      const { collections } = await (await fetch(`${app.url}/api/v1/collections`, { headers: { cookie } })).json();
      expect(collections).toEqual([expect.objectContaining({ name: 'event_output_directory', fileCount: 1, totalSize: 3 })]);
      const one = await (await fetch(`${app.url}/api/v1/collections/event_output_directory`, { headers: { cookie } })).json();
      expect(one).toMatchObject({ collection: { name: 'event_output_directory' }, total: 1, files: [expect.objectContaining({ filename: 'a.txt', size: 3, text: 'abc' })] });
      expect((await fetch(`${app.url}/api/v1/collections`)).status).toBe(401);
      expect(await t.db.dataCollection.count({ where: { ownerId: user.id } })).toBe(1);
    });

    it("shows no one else's collection, in the API or on the page", async () => {
      const owner = await ownerWithCollection('private_things');
      const { cookie } = await signUpOverHttp(app.url);
      expect((await fetch(`${app.url}/api/v1/collections/private_things`, { headers: { cookie } })).status).toBe(404);
      expect((await fetch(`${app.url}/data/hosted/private_things`, { headers: { cookie } })).status).toBe(404);
      const { collections } = await (await fetch(`${app.url}/api/v1/collections`, { headers: { cookie } })).json();
      expect(collections).toEqual([]);
      expect(owner.user.id).toBeTruthy();
    });
  });
});
