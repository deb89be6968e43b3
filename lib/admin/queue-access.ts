import { SQSClient } from '@aws-sdk/client-sqs';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { env, isLocalSqs, type Env } from '@/lib/env';
import { LOCAL_SQS_CREDENTIALS } from '@/lib/local/sqs-emulator';

// SEAM, to be replaced by the worker's lib/sqs helpers (sqsClientForFlow with cached
// AssumeRole credentials) when both branches meet. Until then: one SQS client per use,
// acting as the connection's role, for the admin view, redrive and connection checks.

export interface QueueFlow {
  queueUrl: string;
  roleArn: string;
  externalId: string | null;
}

export interface QueueAccess {
  /** A client acting as the flow's role; the caller destroys it when done. */
  clientFor(flow: QueueFlow): SQSClient;
  /** Local mode: the emulator, its credentials, no AssumeRole. */
  local: boolean;
}

export class AssumeRoleError extends Error {
  override name = 'AssumeRoleError';
  constructor(
    readonly roleArn: string,
    options: { cause: unknown },
  ) {
    super(`Could not assume ${roleArn}`, options);
  }
}

type AccessConfig = Pick<Env, 'AWS_ENDPOINT_URL_SQS' | 'AWS_ENDPOINT_URL_STS' | 'AWS_REGION'>;

const SQS_HOST_REGION = /^(?:sqs(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?|([a-z0-9-]+)\.queue\.amazonaws\.com(?:\.cn)?)$/;

function regionOf(queueUrl: string): string | undefined {
  // URL.canParse: a malformed stored URL fails its SQS call (shown on its row), not the whole view.
  const match = URL.canParse(queueUrl) ? SQS_HOST_REGION.exec(new URL(queueUrl).hostname) : null;
  return match?.[1] ?? match?.[2];
}

export function createQueueAccess(config: AccessConfig): QueueAccess {
  const local = isLocalSqs(config);
  const sts = local ? undefined : new STSClient({ region: config.AWS_REGION, endpoint: config.AWS_ENDPOINT_URL_STS });
  return {
    local,
    clientFor(flow) {
      return new SQSClient({
        region: regionOf(flow.queueUrl) ?? config.AWS_REGION,
        endpoint: config.AWS_ENDPOINT_URL_SQS,
        // Requests go to the region's endpoint (or the configured one), never to a host a stored URL names.
        useQueueUrlAsEndpoint: false,
        maxAttempts: 2,
        requestHandler: { connectionTimeout: 3_000, requestTimeout: 10_000 },
        credentials: sts ? () => assumeRole(sts, flow) : LOCAL_SQS_CREDENTIALS,
      });
    },
  };
}

async function assumeRole(sts: STSClient, flow: QueueFlow) {
  try {
    const { Credentials: credentials } = await sts.send(
      new AssumeRoleCommand({ RoleArn: flow.roleArn, RoleSessionName: 'event-flows-admin', ExternalId: flow.externalId ?? undefined }),
    );
    if (!credentials?.AccessKeyId || !credentials.SecretAccessKey) throw new Error('STS returned no credentials');
    return {
      accessKeyId: credentials.AccessKeyId,
      secretAccessKey: credentials.SecretAccessKey,
      sessionToken: credentials.SessionToken,
      expiration: credentials.Expiration,
    };
  } catch (cause) {
    throw new AssumeRoleError(flow.roleArn, { cause });
  }
}

const globalForAccess = globalThis as unknown as { eventFlowsQueueAccess?: QueueAccess };

/** This process's queue access, from its configuration. */
export function queueAccess(): QueueAccess {
  globalForAccess.eventFlowsQueueAccess ??= createQueueAccess(env());
  return globalForAccess.eventFlowsQueueAccess;
}
