import { STSClient } from '@aws-sdk/client-sts';
import { isLocalSqs, type Env } from '@/lib/env';
import { createAssumeRoleCached } from './assume-role-cached';
import { LOCAL_SQS_CREDENTIALS } from './local-sqs-credentials';
import type { SqsAccess } from './sqs-client-for-flow';

/**
 * SQS access as configured: AssumeRole through STS (the platform's own identity comes
 * from the SDK's usual credential chain), or, in local mode, the emulator's credentials.
 */
export function sqsAccessFromEnv(env: Env): SqsAccess {
  return {
    endpoint: env.AWS_ENDPOINT_URL_SQS,
    defaultRegion: env.AWS_REGION,
    localCredentials: isLocalSqs(env) ? localCredentials() : undefined,
    assumeRole: createAssumeRoleCached(new STSClient({ region: env.AWS_REGION, endpoint: env.AWS_ENDPOINT_URL_STS })),
  };
}

// The SDK's own variables when set (an emulator may check them), else the ones ours accepts.
function localCredentials() {
  const { AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY } = process.env;
  return AWS_ACCESS_KEY_ID && AWS_SECRET_ACCESS_KEY
    ? { accessKeyId: AWS_ACCESS_KEY_ID, secretAccessKey: AWS_SECRET_ACCESS_KEY }
    : LOCAL_SQS_CREDENTIALS;
}
