import { Registry } from 'prom-client';
import type { Db } from '@/lib/db/client';
import { logger } from '@/lib/logger';
import { createSharedSqsClients } from '@/lib/sqs/shared-sqs-clients';
import type { SqsAccess } from '@/lib/sqs/sqs-client-for-flow';
import { startDestinationSender, type DestinationSender } from '@/worker/destination-sender';
import { trackRunning } from './running-resources';
import { localSqsAccess } from './worker';

/** The worker's destination sender in this process, with short timings and its own registry. */
export function startTestDestinationSender(
  db: Db,
  databaseUrl: string,
  options: { maxAttempts?: number; sqsAccess?: SqsAccess; registry?: Registry } = {},
): DestinationSender & { registry: Registry } {
  const registry = options.registry ?? new Registry();
  const sqsClients = createSharedSqsClients(options.sqsAccess ?? localSqsAccess());
  const sender = startDestinationSender({
    db,
    databaseUrl,
    sqsClients,
    registry,
    leaseMs: 3_000,
    pollIntervalMs: 200,
    policy: { maxAttempts: options.maxAttempts ?? 3, maxBackoffMs: 200 },
    logger,
  });
  const stop = async () => {
    await sender.stop();
    sqsClients.destroyAll();
  };
  const stopped = trackRunning('destination sender', stop);
  return {
    registry,
    wake: sender.wake,
    async stop() {
      await stop();
      stopped();
    },
  };
}
