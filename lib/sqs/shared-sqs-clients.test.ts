import { STSClient } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { createAssumeRoleCached } from './assume-role-cached';
import { createSharedSqsClients } from './shared-sqs-clients';
import type { SqsAccess } from './sqs-client-for-flow';

const assumeRole = createAssumeRoleCached(new STSClient({ region: 'us-east-1' }));
const remote: SqsAccess = { defaultRegion: 'us-east-1', assumeRole };
const local: SqsAccess = { ...remote, endpoint: 'http://127.0.0.1:4566', localCredentials: { accessKeyId: 'local', secretAccessKey: 'local' } };

const flow = (id: string, queueUrl: string, roleArn = 'arn:aws:iam::123456789012:role/READ_SQS', externalId = 'ef-owner-1') => ({
  id,
  queueUrl,
  roleArn,
  externalId,
  owner: 'alice',
});
const EU = 'https://sqs.eu-west-1.amazonaws.com/123456789012/a';
const EU_OTHER_QUEUE = 'https://sqs.eu-west-1.amazonaws.com/123456789012/b';
const US = 'https://sqs.us-east-2.amazonaws.com/123456789012/a';

describe('shared SQS clients', () => {
  it('share one client between flows of the same region, role and external id', async () => {
    const clients = createSharedSqsClients(remote);
    const first = clients.clientFor(flow('f1', EU));
    expect(clients.clientFor(flow('f2', EU_OTHER_QUEUE)).sqs).toBe(first.sqs);
    expect(clients.clientFor(flow('f3', US)).sqs).not.toBe(first.sqs);
    expect(clients.clientFor(flow('f4', EU, 'arn:aws:iam::123456789012:role/OTHER')).sqs).not.toBe(first.sqs);
    expect(clients.clientFor(flow('f5', EU, undefined, 'ef-owner-2')).sqs).not.toBe(first.sqs);
    expect(await first.sqs.config.region()).toBe('eu-west-1');
    clients.destroyAll();
  });

  it('in local mode, share one client per region whatever the role', () => {
    const clients = createSharedSqsClients(local);
    const queue = 'http://sqs.us-east-1.localhost:4566/000000000000/q';
    expect(clients.clientFor(flow('f1', queue, 'arn:aws:iam::000000000000:role/A')).sqs).toBe(clients.clientFor(flow('f2', queue, 'arn:aws:iam::000000000000:role/B')).sqs);
    clients.destroyAll();
  });

  it('release a client once the last flow using it is gone', () => {
    const clients = createSharedSqsClients(remote);
    const a = clients.clientFor(flow('f1', EU));
    const b = clients.clientFor(flow('f2', EU_OTHER_QUEUE));
    a.release();
    a.release();
    expect(clients.size()).toBe(1);
    b.release();
    expect(clients.size()).toBe(0);
    expect(clients.clientFor(flow('f3', EU)).sqs).not.toBe(a.sqs);
    clients.destroyAll();
  });
});
