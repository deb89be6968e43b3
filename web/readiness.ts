import type pg from 'pg';
import { findPendingMigrations } from '@/lib/db/find-pending-migrations';

export interface Readiness {
  ready: boolean;
  /** The JSON body of GET /api/health/ready (docs/operations.md). */
  body: Record<string, unknown>;
}

const CHECK_TIMEOUT_MS = 3_000;

/**
 * Whether this web process should get traffic: its database answers, within a few seconds,
 * and has every migration of this build (a restored backup or a new database may not).
 */
export function readinessOf(pool: pg.Pool, migrationNames: readonly string[]): () => Promise<Readiness> {
  return async () => {
    try {
      const pending = await Promise.race([
        findPendingMigrations(pool, migrationNames),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS).unref()),
      ]);
      if (pending.length > 0) {
        return { ready: false, body: { status: 'not ready', database: 'reachable', schema: 'behind', pendingMigrations: pending } };
      }
      return { ready: true, body: { status: 'ready', database: 'reachable', schema: 'current' } };
    } catch (error) {
      return { ready: false, body: { status: 'not ready', database: 'unreachable', error: (error as Error).message } };
    }
  };
}
