import http from 'node:http';
import https from 'node:https';
import type { SQSClient } from '@aws-sdk/client-sqs';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { createMessageReceiver, type ReceiveMessages } from './create-message-receiver';
import { createLeanSqsCall, type LeanSqsCall } from './lean-sqs-call';
import { regionFromQueueUrl } from './region-from-queue-url';
import { sqsClientForFlow, type FlowQueue, type SqsAccess } from './sqs-client-for-flow';

export interface SharedSqsClient {
  /** The client for the flow's region and role, shared with every flow that has the same. */
  sqs: SQSClient;
  /** Its lean calls (lean-sqs-call.ts): receives, deletes and requeues, queue samples, destination sends. */
  call: LeanSqsCall;
  receive: ReceiveMessages;
  /** This flow is done with it: the last flow to let go of a client forgets it. Idempotent. */
  release(): void;
}

export interface SharedSqsClients {
  clientFor(flow: FlowQueue): SharedSqsClient;
  /** Which client a flow gets: flows with the same key share one. */
  keyOf(flow: Pick<FlowQueue, 'queueUrl' | 'roleArn' | 'externalId'>): string;
  /** Clients alive now (flows that are gone do not keep theirs). */
  size(): number;
  destroyAll(): void;
}

interface Shared {
  sqs: SQSClient;
  call: LeanSqsCall;
  receive: ReceiveMessages;
  users: number;
}

/**
 * One SQS client per (region, role, external id) instead of one per flow: a client with
 * its agent costs ~200 KB, which a thousand idle flows would multiply. Each flow keeps
 * one long poll open at a time, so the shared agent has no socket limit (the SDK's
 * default of 50 would make the 51st flow's poll wait for another's 20 s to end).
 */
export function createSharedSqsClients(access: SqsAccess): SharedSqsClients {
  const clients = new Map<string, Shared>();
  const agents = { http: new http.Agent({ keepAlive: true, maxSockets: Infinity }), https: new https.Agent({ keepAlive: true, maxSockets: Infinity }) };
  const requestHandler = new NodeHttpHandler({ httpAgent: agents.http, httpsAgent: agents.https });
  const keyOf: SharedSqsClients['keyOf'] = (flow) => {
    // Local credentials make the role irrelevant: one client per region then.
    const role = access.localCredentials ? [] : [flow.roleArn, flow.externalId];
    return JSON.stringify([regionFromQueueUrl(flow.queueUrl) ?? access.defaultRegion, ...role]);
  };
  return {
    keyOf,
    clientFor(flow) {
      const key = keyOf(flow);
      let shared = clients.get(key);
      if (!shared) {
        const sqs = sqsClientForFlow(flow, access, { requestHandler });
        const call = createLeanSqsCall(sqs, agents);
        shared = { sqs, call, receive: createMessageReceiver(call), users: 0 };
        clients.set(key, shared);
      }
      shared.users += 1;
      const held = shared;
      let released = false;
      return {
        sqs: held.sqs,
        call: held.call,
        receive: held.receive,
        release() {
          if (released) return;
          released = true;
          held.users -= 1;
          // Not destroyed: its destroy() would end the request handler and agents that
          // every client here shares; it holds nothing else.
          if (held.users === 0 && clients.get(key) === held) clients.delete(key);
        },
      };
    },
    size: () => clients.size,
    destroyAll() {
      clients.clear();
      requestHandler.destroy();
      // The lean calls' sockets: the handler holds the agents only once the SDK sent through it.
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}
