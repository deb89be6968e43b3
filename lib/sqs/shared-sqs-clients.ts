import http from 'node:http';
import https from 'node:https';
import type { SQSClient } from '@aws-sdk/client-sqs';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { regionFromQueueUrl } from './region-from-queue-url';
import { sqsClientForFlow, type FlowQueue, type SqsAccess } from './sqs-client-for-flow';

export interface SharedSqsClients {
  /** The client for the flow's region and role, shared with every flow that has the same. */
  clientFor(flow: FlowQueue): SQSClient;
  destroyAll(): void;
}

/**
 * One SQS client per (region, role, external id) instead of one per flow: a client with
 * its agent costs ~200 KB, which a thousand idle flows would multiply. Each flow keeps
 * one long poll open at a time, so the shared agent has no socket limit (the SDK's
 * default of 50 would make the 51st flow's poll wait for another's 20 s to end).
 */
export function createSharedSqsClients(access: SqsAccess): SharedSqsClients {
  const clients = new Map<string, SQSClient>();
  const requestHandler = new NodeHttpHandler({
    httpAgent: new http.Agent({ keepAlive: true, maxSockets: Infinity }),
    httpsAgent: new https.Agent({ keepAlive: true, maxSockets: Infinity }),
  });
  return {
    clientFor(flow) {
      // Local credentials make the role irrelevant: one client per region then.
      const role = access.localCredentials ? [] : [flow.roleArn, flow.externalId];
      const key = JSON.stringify([regionFromQueueUrl(flow.queueUrl) ?? access.defaultRegion, ...role]);
      let client = clients.get(key);
      if (!client) {
        client = sqsClientForFlow(flow, access, { requestHandler });
        clients.set(key, client);
      }
      return client;
    },
    destroyAll() {
      for (const client of clients.values()) client.destroy();
      clients.clear();
      requestHandler.destroy();
    },
  };
}
