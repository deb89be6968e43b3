import { env, isLocalSqs } from '@/lib/env';
import { logger, type Logger } from '@/lib/logger';

/** What executing a run needs from its process, passed in so tests can use their own. */
export interface RunContext {
  /** Signs the algorithm's data token; without it the algorithm gets no token. */
  authSecret: string | undefined;
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
    authSecret: config.BETTER_AUTH_SECRET,
    dataApiUrl: config.APP_URL ?? `http://localhost:${config.PORT}`,
    logger,
    allowLoopbackEndpoints: isLocalSqs(config),
  };
}
