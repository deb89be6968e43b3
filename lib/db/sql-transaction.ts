import type pg from 'pg';

/**
 * Runs `work` in a transaction on one connection of `pool` (the hot paths' plain SQL):
 * committed when it returns, rolled back when it throws. A connection whose rollback
 * failed is closed rather than returned to the pool in an unknown state.
 */
export async function sqlTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>, lockTimeoutMs: number): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  // A checked-out client has no listener of the pool's: an error between two of its
  // queries (the server shutting down) would be an unhandled 'error' event that ends the
  // process. Noted instead: the next query fails, and the client is not reused.
  const onError = (error: Error) => (broken = error);
  client.on('error', onError);
  try {
    await client.query(`BEGIN; SET LOCAL lock_timeout = ${Math.trunc(lockTimeoutMs)}`);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
    throw error;
  } finally {
    client.removeListener('error', onError);
    client.release(broken);
  }
}
