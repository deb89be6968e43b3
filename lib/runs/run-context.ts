import { deriveKey } from '@/lib/auth/derived-keys';
import { env, isLocalSqs, type Env } from '@/lib/env';
import { logger, type Logger } from '@/lib/logger';

/** What executing a run needs from its process, passed in so tests can use their own. */
export interface RunContext {
  /** Signs the algorithm's data token (lib/auth/derived-keys.ts); without it the algorithm gets no token. */
  dataTokenKey: string | undefined;
  /** The platform's base URL, sent to algorithms as X-Data-API. */
  dataApiUrl: string;
  logger: Logger;
  /** Local mode (the SQS emulator on loopback): algorithms may run on this machine's loopback. */
  allowLoopbackEndpoints: boolean;
}

/** The context of this process (web app or worker), from its configuration. */
export function platformRunContext(): RunContext {
  const config = env();
  return {
    dataTokenKey: dataTokenKeyOf(config),
    dataApiUrl: config.APP_URL ?? `http://localhost:${config.PORT}`,
    logger,
    allowLoopbackEndpoints: isLocalSqs(config),
  };
}

/** DATA_TOKEN_KEY (the worker's), else derived from BETTER_AUTH_SECRET (the web app's). */
export function dataTokenKeyOf(config: Pick<Env, 'DATA_TOKEN_KEY' | 'BETTER_AUTH_SECRET'>): string | undefined {
  return config.DATA_TOKEN_KEY ?? (config.BETTER_AUTH_SECRET && deriveKey(config.BETTER_AUTH_SECRET, 'data-tokens'));
}
