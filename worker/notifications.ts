import pg from 'pg';
import type { Logger } from '@/lib/logger';
import { backoffDelay, sleepUnlessAborted } from '@/lib/async/backoff';

export interface Notifications {
  listening(): boolean;
  stop(): Promise<void>;
}

export interface NotificationsOptions {
  databaseUrl: string;
  channels: string[];
  /** Also called with no channel after each (re)connection. */
  onNotification(channel?: string, payload?: string): void;
  logger: Logger;
  maxBackoffMs: number;
}

/**
 * LISTENs on a channel on a connection of its own (e.g. the web app's NOTIFY after it
 * changes a flow, or after it queues a run). The connection is re-opened (with backoff)
 * whenever it drops; `onNotification` is also called after each (re)connection, since
 * notifications sent meanwhile are lost.
 */
export function listenForNotifications(options: NotificationsOptions): Notifications {
  const stopping = new AbortController();
  const stopped = new Promise<void>((resolve) => stopping.signal.addEventListener('abort', () => resolve(), { once: true }));
  let client: pg.Client | undefined;

  const loop = (async () => {
    for (let failures = 0; !stopping.signal.aborted; ) {
      const connection = new pg.Client({ connectionString: options.databaseUrl, application_name: 'event-flows-worker' });
      connection.on('notification', (message) => options.onNotification(message.channel, message.payload));
      connection.on('error', (error) => options.logger.warn({ err: error, channels: options.channels }, 'notifications connection failed'));
      const ended = new Promise<void>((resolve) => connection.once('end', resolve));
      try {
        await connection.connect();
        for (const channel of options.channels) await connection.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      } catch (error) {
        options.logger.warn({ err: error, channels: options.channels }, 'cannot listen for notifications; retrying');
        await connection.end().catch(() => undefined);
        await sleepUnlessAborted(backoffDelay(++failures, options.maxBackoffMs), stopping.signal);
        continue;
      }
      failures = 0;
      client = connection;
      options.onNotification();
      await Promise.race([ended, stopped]);
      client = undefined;
      await connection.end().catch(() => undefined);
      if (!stopping.signal.aborted) {
        options.logger.warn({ channels: options.channels }, 'notifications connection lost; reconnecting');
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
