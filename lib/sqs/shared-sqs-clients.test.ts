import { STSClient } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { createAssumeRoleCached } from './assume-role-cached';
import { createSharedSqsClients } from './shared-sqs-clients';
import type { SqsAccess } from './sqs-client-for-flow';

const assumeRole = createAssumeRoleCached(new STSClient({ region: 'us-east-1' }));
const remote: SqsAccess = { defaultRegion: 'us-east-1', assumeRole };
const local: SqsAccess = { ...remote, endpoint: 'http://127.0.0.1:4566', localCredentials: { accessKeyId: 'local', secretAccessKey: 'local' } };

const flow = (id: string, queueUrl: string, roleArn = 'arn:aws:iam::123456789012:role/READ_SQS', externalId: string | null = null) => ({
  id,
  queueUrl,
  roleArn,
  externalId,
});
const EU = 'https://sqs.eu-west-1.amazonaws.com/123456789012/a';
const EU_OTHER_QUEUE = 'https://sqs.eu-west-1.amazonaws.com/123456789012/b';
const US = 'https://sqs.us-east-2.amazonaws.com/123456789012/a';

describe('shared SQS clients', () => {
  it('share one client between flows of the same region, role and external id', async () => {
    const clients = createSharedSqsClients(remote);
    const first = clients.clientFor(flow('f1', EU));
    expect(clients.clientFor(flow('f2', EU_OTHER_QUEUE))).toBe(first);
    expect(clients.clientFor(flow('f3', US))).not.toBe(first);
    expect(clients.clientFor(flow('f4', EU, 'arn:aws:iam::123456789012:role/OTHER'))).not.toBe(first);
    expect(clients.clientFor(flow('f5', EU, undefined, 'ext-1'))).not.toBe(first);
    expect(await first.sqs.config.region()).toBe('eu-west-1');
    clients.destroyAll();
  });

  it('in local mode, share one client per region whatever the role', () => {
    const clients = createSharedSqsClients(local);
    const queue = 'http://sqs.us-east-1.localhost:4566/000000000000/q';
    expect(clients.clientFor(flow('f1', queue, 'arn:aws:iam::000000000000:role/A'))).toBe(clients.clientFor(flow('f2', queue, 'arn:aws:iam::000000000000:role/B')));
    clients.destroyAll();
  });
});
