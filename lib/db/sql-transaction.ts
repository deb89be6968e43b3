import type pg from 'pg';

/**
 * A client checked out of `pool`, listening for its errors while it is out: a checked-out
 * client has no listener of the pool's, so an error between two of its queries (the server
 * shutting down) would be an unhandled 'error' event that ends the process. Noted instead:
 * the next query fails, and `release` closes the client rather than reusing it.
 */
export async function checkOutClient(pool: pg.Pool): Promise<{ client: pg.PoolClient; release(error?: Error): void }> {
  const client = await pool.connect();
  let broken: Error | undefined;
  const onError = (error: Error) => (broken = error);
  client.on('error', onError);
  return {
    client,
    release(error) {
      client.removeListener('error', onError);
      client.release(error ?? broken);
    },
  };
}

/**
 * Runs `work` in a transaction on one connection of `pool` (the hot paths' plain SQL):
 * committed when it returns, rolled back when it throws. A connection whose rollback
 * failed is closed rather than returned to the pool in an unknown state.
 */
export async function sqlTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>, lockTimeoutMs: number): Promise<T> {
  const { client, release } = await checkOutClient(pool);
  let rollbackFailed: Error | undefined;
  try {
    await client.query(`BEGIN; SET LOCAL lock_timeout = ${Math.trunc(lockTimeoutMs)}`);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => (rollbackFailed = rollbackError));
    throw error;
  } finally {
    release(rollbackFailed);
  }
}
