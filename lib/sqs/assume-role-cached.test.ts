import { STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStsStandIn, type StsStandIn } from '@/test/support/sts-stand-in';
import { AssumeRoleError, createAssumeRoleCached } from './assume-role-cached';

const ROLE = 'arn:aws:iam::123456789012:role/consumer';
const DENIED = 'arn:aws:iam::123456789012:role/denied';

describe('AssumeRole with a cache', () => {
  let sts: StsStandIn;
  let client: STSClient;
  beforeAll(async () => {
    sts = await startStsStandIn({ lifetimeSeconds: 3600, deniedRoleArns: [DENIED] });
    client = new STSClient({ endpoint: sts.url, region: 'us-east-1', credentials: { accessKeyId: 'AKIAPLATFORM', secretAccessKey: 'secret' } });
  });
  afterAll(async () => {
    client.destroy();
    await sts.close();
  });

  it('assumes a role once for concurrent callers and for flows sharing it', async () => {
    const assumeRole = createAssumeRoleCached(client);
    const results = await Promise.all([
      assumeRole({ roleArn: ROLE, externalId: null, sessionName: 'event-flows-a' }),
      assumeRole({ roleArn: ROLE, externalId: null, sessionName: 'event-flows-b' }),
    ]);
    const later = await assumeRole({ roleArn: ROLE, externalId: null, sessionName: 'event-flows-c' });
    expect(sts.calls.filter((call) => call.roleArn === ROLE && call.externalId === undefined)).toHaveLength(1);
    expect(new Set([...results, later].map((credentials) => credentials.accessKeyId)).size).toBe(1);
  });

  it('keeps a separate session per external id, and refreshes once the clock nears expiry', async () => {
    let now = Date.now();
    const assumeRole = createAssumeRoleCached(client, { now: () => now });
    const first = await assumeRole({ roleArn: ROLE, externalId: 'x-1', sessionName: 's' });
    const other = await assumeRole({ roleArn: ROLE, externalId: 'x-2', sessionName: 's' });
    expect(other.accessKeyId).not.toBe(first.accessKeyId);
    now = first.expiration!.getTime() - 6 * 60_000;
    expect((await assumeRole({ roleArn: ROLE, externalId: 'x-1', sessionName: 's' })).accessKeyId).toBe(first.accessKeyId);
    now = first.expiration!.getTime() - 4 * 60_000;
    expect((await assumeRole({ roleArn: ROLE, externalId: 'x-1', sessionName: 's' })).accessKeyId).not.toBe(first.accessKeyId);
  });

  it('turns AccessDenied into an error in plain words, and tries again on the next call', async () => {
    const assumeRole = createAssumeRoleCached(client);
    const denied = await assumeRole({ roleArn: DENIED, externalId: null, sessionName: 's' }).catch((error: unknown) => error);
    expect(denied).toBeInstanceOf(AssumeRoleError);
    expect(denied).toMatchObject({ code: 'ASSUME_ROLE_DENIED', roleArn: DENIED, awsCode: 'AccessDenied' });
    expect((denied as Error).message).toMatch(/^AccessDenied on AssumeRole: the platform may not assume arn:aws:iam::123456789012:role\/denied\./);
    await assumeRole({ roleArn: DENIED, externalId: null, sessionName: 's' }).catch(() => undefined);
    expect(sts.calls.filter((call) => call.roleArn === DENIED)).toHaveLength(2);
  });

  it('keeps only the most recently used roles, so probes with many roles cannot grow it without bound', async () => {
    const assumeRole = createAssumeRoleCached(client, { maxEntries: 2 });
    const roles = ['lru-1', 'lru-2', 'lru-3'].map((name) => `arn:aws:iam::123456789012:role/${name}`);
    for (const roleArn of roles) await assumeRole({ roleArn, externalId: 'x', sessionName: 's' });
    await assumeRole({ roleArn: roles[2]!, externalId: 'x', sessionName: 's' });
    await assumeRole({ roleArn: roles[0]!, externalId: 'x', sessionName: 's' });
    expect(roles.map((roleArn) => sts.calls.filter((call) => call.roleArn === roleArn).length)).toEqual([2, 1, 1]);
  });
});
