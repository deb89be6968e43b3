import pg from 'pg';
import type { Logger } from '@/lib/logger';
import { backoffDelay, sleepUnlessAborted } from './backoff';
import { FLOW_CHANGES_CHANNEL } from './sql/release-lease';

export interface FlowNotifications {
  listening(): boolean;
  stop(): Promise<void>;
}

/**
 * LISTENs for the web app's NOTIFY after it creates, pauses, resumes or deletes a flow.
 * The connection is re-opened (with backoff) whenever it drops; `onChange` is also called
 * after each (re)connection, since notifications sent meanwhile are lost.
 */
export function listenForFlowChanges(options: { databaseUrl: string; onChange(): void; logger: Logger; maxBackoffMs: number }): FlowNotifications {
  const stopping = new AbortController();
  const stopped = new Promise<void>((resolve) => stopping.signal.addEventListener('abort', () => resolve(), { once: true }));
  let client: pg.Client | undefined;

  const loop = (async () => {
    for (let failures = 0; !stopping.signal.aborted; ) {
      const connection = new pg.Client({ connectionString: options.databaseUrl, application_name: 'event-flows-worker' });
      connection.on('notification', () => options.onChange());
      connection.on('error', (error) => options.logger.warn({ err: error }, 'flow notifications connection failed'));
      const ended = new Promise<void>((resolve) => connection.once('end', resolve));
      try {
        await connection.connect();
        await connection.query(`LISTEN ${FLOW_CHANGES_CHANNEL}`);
      } catch (error) {
        options.logger.warn({ err: error }, 'cannot listen for flow changes; retrying');
        await connection.end().catch(() => undefined);
        await sleepUnlessAborted(backoffDelay(++failures, options.maxBackoffMs), stopping.signal);
        continue;
      }
      failures = 0;
      client = connection;
      options.onChange();
      await Promise.race([ended, stopped]);
      client = undefined;
      await connection.end().catch(() => undefined);
      if (!stopping.signal.aborted) {
        options.logger.warn('flow notifications connection lost; reconnecting');
        await sleepUnlessAborted(backoffDelay(1, options.maxBackoffMs), stopping.signal);
      }
    }
  })();

  return {
    listening: () => client !== undefined,
    async stop() {
      stopping.abort();
      await loop;
    },
  };
}
