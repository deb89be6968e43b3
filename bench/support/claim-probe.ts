import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import { createDb, sqlPool } from '@/lib/db/client';
import { claimQueuedRuns } from '@/lib/runs/claim-queued-runs';

export interface ClaimProbe {
  /** Stops probing; returns each probe's duration in ms. */
  stop(): Promise<number[]>;
}

/**
 * Times the executor's claim (claimQueuedRuns: its lock, statement and settings read, one
 * round trip) against the live table every `intervalMs`, without taking any run from the
 * worker: each probe runs inside a transaction that is rolled back. It holds the claim
 * lock as long as a claim does, so the worker's executor waits for it as for another
 * executor's claim.
 */
export function startClaimProbe(databaseUrl: string, intervalMs = 200): ClaimProbe {
  const db = createDb(databaseUrl);
  const pool = sqlPool(db);
  const connect = pool.connect.bind(pool) as () => Promise<pg.PoolClient>;
  pool.connect = (async () => {
    const client = await connect();
    await client.query('BEGIN');
    const release = client.release.bind(client);
    client.release = ((error?: Error | boolean) => void client.query('ROLLBACK').finally(() => release(error))) as typeof client.release;
    return client;
  }) as typeof pool.connect;

  const durations: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const startedAt = performance.now();
      await claimQueuedRuns(db, { executorId: 'bench-claim-probe', limit: 10, maxWorkers: 1_000_000, userSessionLimit: 1_000_000 });
      durations.push(performance.now() - startedAt);
      await sleep(intervalMs);
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      await db.$disconnect();
      return durations;
    },
  };
}
