import { setTimeout as sleep } from 'node:timers/promises';
import type { Db } from '@/lib/db/client';
import type { Logger } from '@/lib/logger';

const RECONCILE_INTERVAL_MS = 5_000;

/**
 * Keeps the worker's view of the enabled event flows up to date. Consumers per flow
 * are started and stopped here as flows appear, change and disappear.
 */
export function startReconciler({ db, logger }: { db: Db; logger: Logger }) {
  const abort = new AbortController();
  let lastSuccessAt = Date.now();
  let known = -1;

  const loop = (async () => {
    while (!abort.signal.aborted) {
      try {
        const enabled = await db.eventFlow.count({ where: { enabled: true } });
        if (enabled !== known) logger.info({ enabledFlows: enabled }, 'event flows reconciled');
        known = enabled;
        lastSuccessAt = Date.now();
      } catch (error) {
        logger.warn({ err: error }, 'could not read event flows; retrying');
      }
      await sleep(RECONCILE_INTERVAL_MS, undefined, { signal: abort.signal }).catch(() => undefined);
    }
  })();

  return {
    healthy: () => Date.now() - lastSuccessAt < RECONCILE_INTERVAL_MS * 4,
    async stop() {
      abort.abort();
      await loop;
    },
  };
}
