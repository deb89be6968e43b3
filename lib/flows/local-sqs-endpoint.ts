import { isLocalSqs } from '@/lib/env';

/** The emulator's endpoint in local mode (its queues are valid connections), else undefined. */
export function localSqsEndpoint(config: Parameters<typeof isLocalSqs>[0]): string | undefined {
  return isLocalSqs(config) ? config.AWS_ENDPOINT_URL_SQS : undefined;
}
