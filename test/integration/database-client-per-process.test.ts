import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '@/lib/api-keys/create-api-key';
import { startAlgorithmEndpoint, type AlgorithmEndpoint } from '../support/algorithm-endpoint';
import { startApp, type RunningApp } from '../support/app';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createAlgorithm, createUser } from '../support/factories';
import { signUpOverHttp } from '../support/session';

// Next.js's production server loads the app's modules once for pages and once for route
// handlers. The process has one database client whichever of them makes it first: a web
// process whose first query comes from a page must still serve the routes that talk to
// PostgreSQL directly (the algorithm API's key lookup and admission).
describe("a web process's one database client", () => {
  let t: TestDatabase;
  let first: RunningApp;
  let second: RunningApp;
  let endpoint: AlgorithmEndpoint;
  beforeAll(async () => {
    t = await createTestDatabase();
    [first, second, endpoint] = await Promise.all([startApp(t.url), startApp(t.url), startAlgorithmEndpoint()]);
  });
  afterAll(async () => {
    await Promise.all([first?.stop(), second?.stop(), endpoint?.close()]);
    await t?.drop();
  });

  it('serves the algorithm API after a page made the client', async () => {
    // Signed up through the first process, so that the second one's first query is the page's.
    const { cookie, username } = await signUpOverHttp(first.url);
    const home = await fetch(`${second.url}/`, { headers: { cookie } });
    expect(home.status).toBe(200);
    expect(await home.text()).toContain(`Signed in as ${username}`);

    const owner = await createUser(t.db);
    const algorithm = await createAlgorithm(t.db, owner.id, { endpointUrl: endpoint.url });
    const { key } = await createApiKey(t.db, owner.id, { name: 'after a page' });
    const response = await fetch(`${second.url}/v1/algo/${owner.username}/${algorithm.name}`, {
      method: 'POST',
      headers: { authorization: `Simple ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ hello: 'world' }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ result: { hello: 'world' } });
  });
});
