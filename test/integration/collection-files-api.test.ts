import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FilePreviewPage } from '@/lib/data/list-file-previews';
import { startApp, type RunningApp } from '../support/app';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { answerBeforeBodyIsSent } from '../support/oversized-body';
import { signUpOverHttp, type SignedInUser } from '../support/session';

// The collection page's file API (session cookie): a paged list, and upload, download and
// delete with the data API's rules (names, 16 MB, the quota: 1 MB here).
describe('a collection’s files through /api/v1', () => {
  let t: TestDatabase;
  let app: RunningApp;
  let user: SignedInUser;
  let collectionId: string;
  const collection = 'event_output_directory';

  const call = (path: string, init: RequestInit = {}, as: SignedInUser = user) =>
    fetch(`${app.url}${path}`, { ...init, headers: { cookie: as.cookie, origin: app.url, ...init.headers } });
  const file = (name: string) => `/api/v1/collections/${collection}/files/${name}`;

  beforeAll(async () => {
    t = await createTestDatabase();
    app = await startApp(t.url, { USER_DATA_QUOTA_MB: '1' });
    user = await signUpOverHttp(app.url);
    expect((await call('/api/v1/collections', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: collection }) })).status).toBe(201);
    collectionId = (await t.db.dataCollection.findFirstOrThrow({ where: { name: collection, owner: { username: user.username } } })).id;
  });
  afterAll(async () => {
    await app?.stop();
    await t?.drop();
  });

  it('uploads a file under its name, downloads it as an attachment, and deletes it', async () => {
    const put = await call(file('reports/some-new-file.txt'), { method: 'PUT', headers: { 'content-type': 'text/plain' }, body: 'file contents to store' });
    expect(put.status).toBe(200);
    expect(await put.json()).toEqual({ file: { filename: 'reports/some-new-file.txt', size: 22 } });
    expect(await t.db.dataFile.findUniqueOrThrow({ where: { collectionId_path: { collectionId, path: 'reports/some-new-file.txt' } }, select: { size: true, contentType: true } })).toEqual({
      size: 22,
      contentType: 'text/plain',
    });

    const download = await call(file('reports/some-new-file.txt'));
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''some-new-file.txt");
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await download.text()).toBe('file contents to store');

    expect((await call(file('reports/some-new-file.txt'), { method: 'DELETE' })).status).toBe(200);
    expect(await t.db.dataFile.count({ where: { collectionId } })).toBe(0);
    expect((await call(file('reports/some-new-file.txt'), { method: 'DELETE' })).status).toBe(404);
  });

  it('refuses a bad name, a file over 16 MB and one past the quota, storing nothing', async () => {
    const badName = await call(`/api/v1/collections/${collection}/files/a%2F..%2Fb.txt`, { method: 'PUT', body: 'x' });
    expect(badName.status).toBe(400);
    expect((await badName.json()).error.fieldErrors.path).toMatch(/"\.\."/);
    const tooLarge = await answerBeforeBodyIsSent(`${app.url}${file('big.bin')}`, { method: 'PUT', headers: { cookie: user.cookie, origin: app.url }, declaredBytes: 16 * 1024 * 1024 + 1 });
    expect(tooLarge.status).toBe(413);
    expect((await call(file('a.bin'), { method: 'PUT', body: new Uint8Array(700 * 1024) })).status).toBe(200);
    const pastQuota = await call(file('b.bin'), { method: 'PUT', body: new Uint8Array(700 * 1024) });
    expect(pastQuota.status).toBe(403);
    expect((await pastQuota.json()).error.message).toMatch(/over your quota of 1 MB/);
    expect(await t.db.dataFile.findMany({ where: { collectionId }, select: { path: true } })).toEqual([{ path: 'a.bin' }]);
    await call(file('a.bin'), { method: 'DELETE' });
  });

  it('lists the files 20 at a time in name order, with the total and a name search', async () => {
    await t.db.dataFile.createMany({
      data: Array.from({ length: 45 }, (_, n) => ({ collectionId, path: `f-${String(n).padStart(2, '0')}.txt`, content: new Uint8Array(Buffer.from(`file ${n}`)), size: Buffer.byteLength(`file ${n}`), contentType: 'text/plain' })),
    });
    const names: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const response = await call(`/api/v1/collections/${collection}${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`);
      const page = (await response.json()) as FilePreviewPage;
      expect(page).toMatchObject({ total: 45, totalIsExact: true });
      names.push(...page.files.map((f) => f.filename));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(names).toEqual(Array.from({ length: 45 }, (_, n) => `f-${String(n).padStart(2, '0')}.txt`));
    const first = (await (await call(`/api/v1/collections/${collection}?prefix=f-3`)).json()) as FilePreviewPage;
    expect(first).toMatchObject({ total: 10, nextCursor: null });
    expect(first.files[0]).toMatchObject({ filename: 'f-30.txt', text: 'file 30', truncated: false });
  });

  it('answers 401 without a session, 404 for another user, and 403 to another site', async () => {
    expect((await fetch(`${app.url}${file('x.txt')}`, { method: 'PUT', body: 'x' })).status).toBe(401);
    const stranger = await signUpOverHttp(app.url);
    expect((await call(file('f-01.txt'), {}, stranger)).status).toBe(404);
    expect((await call(`/api/v1/collections/${collection}`, {}, stranger)).status).toBe(404);
    const crossSite = await call(file('evil.txt'), { method: 'PUT', body: 'x', headers: { 'sec-fetch-site': 'cross-site' } });
    expect(crossSite.status).toBe(403);
    expect(await t.db.dataFile.count({ where: { path: { in: ['x.txt', 'evil.txt'] } } })).toBe(0);
  });
});
