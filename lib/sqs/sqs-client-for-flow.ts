import { SQSClient, type SQSClientConfig } from '@aws-sdk/client-sqs';
import type { AssumeRoleCached, TemporaryCredentials } from './assume-role-cached';
import { regionFromQueueUrl } from './region-from-queue-url';
import { roleSessionName } from './role-session-name';

export interface FlowQueue {
  id: string;
  queueUrl: string;
  roleArn: string;
  /** The flow owner's platform-generated external ID, sent on every AssumeRole (lib/flows/flow-role.ts). */
  externalId: string;
  /** The owner's username, for the session name the queue owner sees in CloudTrail. */
  owner: string;
}

/** How this installation reaches SQS (see sqsAccessFromEnv). */
export interface SqsAccess {
  /** AWS_ENDPOINT_URL_SQS: when set, every SQS call goes there. */
  endpoint?: string;
  /** For queue URLs that name no region (a local emulator). */
  defaultRegion: string;
  /** Set in local mode: the emulator's credentials are used and no role is assumed. */
  localCredentials?: TemporaryCredentials;
  assumeRole: AssumeRoleCached;
}

/**
 * An SQS client that acts as the flow's role: it signs for the queue's region with
 * credentials from AssumeRole, which it asks for again before they expire.
 */
export function sqsClientForFlow(flow: FlowQueue, access: SqsAccess, options: SQSClientConfig = {}): SQSClient {
  return new SQSClient({
    ...options,
    region: regionFromQueueUrl(flow.queueUrl) ?? access.defaultRegion,
    endpoint: access.endpoint,
    // Requests go to the region's SQS endpoint (or the configured one), never to
    // whatever host a stored queue URL names.
    useQueueUrlAsEndpoint: false,
    credentials:
      access.localCredentials ??
      (() => access.assumeRole({ roleArn: flow.roleArn, externalId: flow.externalId, sessionName: roleSessionName(flow.owner, flow.id) })),
  });
}
