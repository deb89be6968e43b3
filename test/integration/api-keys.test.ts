import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticateApiKey } from '@/lib/api-keys/authenticate-api-key';
import { createApiKey } from '@/lib/api-keys/create-api-key';
import { listApiKeys } from '@/lib/api-keys/list-api-keys';
import { revokeApiKey } from '@/lib/api-keys/revoke-api-key';
import { AppError } from '@/lib/errors';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createUser } from '../support/factories';

describe('personal API keys', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.drop());

  it('authenticate their owner with Simple or Bearer, and store only a hash', async () => {
    const user = await createUser(t.db);
    const created = await createApiKey(t.db, user.id, { name: 'ci' });
    expect(created.key).toMatch(/^ef_/);
    expect(await authenticateApiKey(t.db, `Simple ${created.key}`)).toEqual({ id: user.id, username: user.username });
    expect(await authenticateApiKey(t.db, `Bearer ${created.key}`)).toMatchObject({ id: user.id });
    const stored = await t.db.apiKey.findUniqueOrThrow({ where: { id: created.id } });
    expect(JSON.stringify(stored)).not.toContain(created.key);
    expect(stored.lastUsedAt).not.toBeNull();
  });

  it('stop working once revoked, and only their owner can revoke them', async () => {
    const owner = await createUser(t.db);
    const other = await createUser(t.db);
    const { id, key } = await createApiKey(t.db, owner.id, { name: 'laptop' });
    await expect(revokeApiKey(t.db, other.id, id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await revokeApiKey(t.db, owner.id, id);
    await expect(authenticateApiKey(t.db, `Simple ${key}`)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await listApiKeys(t.db, owner.id)).toEqual([]);
  });

  it('reject a missing or unknown key', async () => {
    await expect(authenticateApiKey(t.db, null)).rejects.toBeInstanceOf(AppError);
    await expect(authenticateApiKey(t.db, 'Simple ef_nope')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('need a name', async () => {
    const user = await createUser(t.db);
    await expect(createApiKey(t.db, user.id, { name: '  ' })).rejects.toThrow(/Give the key a name/);
    expect(await t.db.apiKey.count({ where: { userId: user.id } })).toBe(0);
  });
});
