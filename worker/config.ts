import { ConfigError, type Env } from '@/lib/env';
import { workerApiToken } from '@/lib/auth/worker-token';

/** Everything the worker needs to know, checked once at start. */
export interface WorkerConfig {
  databaseUrl: string;
  /** Where received batches are admitted: in this process, or through the algorithm API's flow entry. */
  admission: 'in-process' | 'api';
  /** Base URL of the algorithm API (`/v1/algo/...`). */
  platformApiUrl: string;
  /** `Authorization: Worker <token>` for the algorithm API. */
  workerToken: string;
  requeueDelaySeconds: number;
  maxPollersPerFlow: number;
  maxInFlightPerFlow: number;
  reconcileIntervalMs: number;
  leaseMs: number;
  counterFlushMs: number;
  /** Where /health and /metrics listen: 127.0.0.1 unless the operator opens them to the network. */
  metrics: { host: string; port: number };
  /** Per-minute rollups of the flows' charts are kept this long. */
  metricsRetentionDays: number;
  /** The retention sweep: how often, and how many rows each of its deletes takes at most. */
  retentionSweepMs: number;
  retentionBatchSize: number;
  dispatchTimeoutMs: number;
  shutdownGraceMs: number;
  maxBackoffMs: number;
  /** Sends of one destination message before it is FAILED. */
  destinationSendAttempts: number;
}

export function workerConfig(env: Env): WorkerConfig {
  if (!env.DATABASE_URL) throw new ConfigError('DATABASE_URL is not set (npm start sets it in local mode)');
  const workerToken = env.WORKER_API_TOKEN ?? (env.BETTER_AUTH_SECRET && workerApiToken(env.BETTER_AUTH_SECRET));
  if (!workerToken) throw new ConfigError('Neither WORKER_API_TOKEN nor BETTER_AUTH_SECRET is set: the worker signs its algorithm API calls with the token (npm start sets it)');
  if (env.WORKER_RECONCILE_INTERVAL_MS * 2 > env.WORKER_LEASE_MS) {
    throw new ConfigError('WORKER_LEASE_MS must be at least twice WORKER_RECONCILE_INTERVAL_MS, or leases expire between heartbeats');
  }
  return {
    databaseUrl: env.DATABASE_URL,
    admission: env.WORKER_ADMISSION,
    platformApiUrl: env.PLATFORM_API_URL ?? env.APP_URL ?? `http://localhost:${env.PORT}`,
    workerToken,
    requeueDelaySeconds: env.REQUEUE_DELAY_SECONDS,
    maxPollersPerFlow: env.WORKER_MAX_POLLERS_PER_FLOW,
    maxInFlightPerFlow: env.WORKER_MAX_IN_FLIGHT_PER_FLOW,
    reconcileIntervalMs: env.WORKER_RECONCILE_INTERVAL_MS,
    leaseMs: env.WORKER_LEASE_MS,
    counterFlushMs: env.WORKER_COUNTER_FLUSH_MS,
    metrics: { host: env.WORKER_METRICS_HOST, port: env.WORKER_METRICS_PORT },
    metricsRetentionDays: env.FLOW_METRICS_RETENTION_DAYS,
    retentionSweepMs: env.WORKER_RETENTION_SWEEP_MS,
    retentionBatchSize: env.WORKER_RETENTION_BATCH_SIZE,
    dispatchTimeoutMs: env.WORKER_DISPATCH_TIMEOUT_MS,
    shutdownGraceMs: env.WORKER_SHUTDOWN_GRACE_MS,
    maxBackoffMs: env.WORKER_MAX_BACKOFF_MS,
    destinationSendAttempts: env.WORKER_DESTINATION_SEND_ATTEMPTS,
  };
}
