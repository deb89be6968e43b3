import { isLocalSqs, type Env } from '@/lib/env';

/** The emulator's endpoint in local mode (its queues are valid connections), else undefined. */
export function localSqsEndpoint(config: Pick<Env, 'AWS_ENDPOINT_URL_SQS'>): string | undefined {
  return isLocalSqs(config) ? config.AWS_ENDPOINT_URL_SQS : undefined;
}
