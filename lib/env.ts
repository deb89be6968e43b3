import { z } from 'zod';
import { parseTrustedProxies, type ProxyTrust } from '@/lib/http/client-ip';

// Configuration, validated once. The names are the product spec's; docs/configuration.md lists them.
const port = z.coerce.number().int().min(1).max(65535);
const positiveInt = z.coerce.number().int().positive();

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: port.default(3000),
  // The web app's interface: this machine only unless the operator opens it (an image sets 0.0.0.0).
  HOST: z.string().default('127.0.0.1'),
  // Proxies in front of the web app whose X-Forwarded-For entries are believed: a count of
  // hops, or their addresses (lib/http/client-ip.ts). Neither: the socket's peer is the client.
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  TRUSTED_PROXIES: z
    .string()
    .default('')
    .refine((text) => canParse(() => parseTrustedProxies(text)), { message: 'must list IP addresses or CIDRs, e.g. 10.0.0.0/8' }),
  // On SIGTERM the web app answers "not ready" this long before it stops accepting
  // connections (load balancers move away), then lets requests in flight finish this long.
  WEB_DRAIN_DELAY_MS: z.coerce.number().int().min(0).default(5_000),
  WEB_SHUTDOWN_GRACE_MS: positiveInt.default(20_000),
  DATABASE_URL: z
    .string()
    .optional()
    .refine((url) => url === undefined || isPostgresUrl(url), {
      message: 'must be a postgresql:// URL, e.g. postgresql://user:password@host:5432/db',
    }),
  DATA_DIR: z.string().default('./.data'),
  APP_URL: z.url().optional(),
  AWS_REGION: z.string().default('us-east-1'),
  AWS_ENDPOINT_URL_SQS: z.url().optional(),
  AWS_ENDPOINT_URL_STS: z.url().optional(),
  // Local mode (the emulator's credentials, no AssumeRole, no queue isolation) for an SQS
  // endpoint off loopback, e.g. an emulator container next to the app (deploy/compose.yaml).
  LOCAL_MODE: z.stringbool().default(false),
  // Local mode listens on loopback only: it is for the people of one machine. This lets it
  // listen on other interfaces anyway (lib/local/assert-local-mode-host.ts).
  ALLOW_LOCAL_MODE_ON_NETWORK: z.stringbool().default(false),
  REQUEUE_DELAY_SECONDS: z.coerce.number().int().min(0).max(43_200).default(300),
  MAX_WORKERS: positiveInt.default(8),
  USER_SESSION_LIMIT: positiveInt.default(4),
  USER_QUEUE_LIMIT: positiveInt.default(1_000),
  PLATFORM_QUEUE_LIMIT: positiveInt.default(10_000),
  RUN_MAX_ATTEMPTS: positiveInt.max(20).default(3),
  QUEUED_RUN_EXPIRY_HOURS: positiveInt.max(24 * 14).default(24),
  // Default of the admin setting "Keep finished runs for" (lib/runs/run-retention.ts); 0.5 is 12 hours.
  RUN_RETENTION_DAYS: z.coerce.number().min(1 / 24, 'must be at least one hour (0.0417 days)').max(400).default(30),
  WORKER_METRICS_PORT: port.default(9464),
  // Metrics and health stay on this machine unless the operator opens them up.
  WORKER_METRICS_HOST: z.string().default('127.0.0.1'),
  // How long the connection pages' per-minute rollups are kept.
  FLOW_METRICS_RETENTION_DAYS: positiveInt.max(366).default(14),
  // The retention sweep (worker/retention-sweeper.ts): its interval, and rows per delete.
  WORKER_RETENTION_SWEEP_MS: positiveInt.default(60_000),
  WORKER_RETENTION_BATCH_SIZE: positiveInt.max(100_000).default(1_000),
  // Where the worker admits received messages: in its own process (through the flow entry's
  // admission module, on its database connection), or over HTTP through the algorithm API.
  WORKER_ADMISSION: z.enum(['in-process', 'api']).default('in-process'),
  // Where the worker calls the algorithm API; defaults to APP_URL, else the local web app.
  PLATFORM_API_URL: z.url().optional(),
  // The worker's scaling and timing knobs (tests make them short).
  WORKER_MAX_POLLERS_PER_FLOW: positiveInt.max(32).default(4),
  WORKER_MAX_IN_FLIGHT_PER_FLOW: positiveInt.max(1000).default(40),
  WORKER_RECONCILE_INTERVAL_MS: positiveInt.default(5_000),
  WORKER_LEASE_MS: positiveInt.default(20_000),
  WORKER_COUNTER_FLUSH_MS: positiveInt.default(2_000),
  WORKER_DISPATCH_TIMEOUT_MS: positiveInt.default(10_000),
  WORKER_SHUTDOWN_GRACE_MS: positiveInt.default(8_000),
  WORKER_MAX_BACKOFF_MS: positiveInt.default(30_000),
  // Sends of one destination message before it is FAILED (docs/destinations.md).
  WORKER_DESTINATION_SEND_ATTEMPTS: positiveInt.max(100).default(10),
  // How often the worker reads its flows' queues (backlog, DLQ depth) and the platform's
  // run backlog for its metrics (worker/backlog-metrics.ts): once a minute, the charts'
  // resolution (and CloudWatch's for the same SQS figures).
  WORKER_SAMPLE_INTERVAL_MS: positiveInt.default(60_000),
  // The egress policy of algorithm endpoints (docs/security.md, "Egress"): private networks
  // algorithms may use until an admin saves the setting, and the bounds of every call.
  ALGORITHM_ENDPOINT_ALLOWED_NETWORKS: z.string().default(''),
  ALGORITHM_CONNECT_TIMEOUT_MS: positiveInt.default(10_000),
  ALGORITHM_OUTPUT_MAX_BYTES: positiveInt.default(10 * 1024 * 1024),
  // Quota defaults until an admin saves them.
  USER_FLOW_LIMIT: positiveInt.default(100),
  USER_DATA_QUOTA_MB: positiveInt.default(1024),
  USER_COLLECTION_LIMIT: positiveInt.default(100),
  // Sign-in and sign-up attempts one client address may make a minute (per path; lib/auth/auth.ts).
  AUTH_ATTEMPTS_PER_MINUTE: positiveInt.default(10),
  BETTER_AUTH_SECRET: z.string().min(32).optional(),
  // The worker's own keys, derived from BETTER_AUTH_SECRET (lib/auth/derived-keys.ts):
  // npm start gives the worker these instead of the secret. Derived from it when unset.
  WORKER_API_TOKEN: z.string().min(32).optional(),
  DATA_TOKEN_KEY: z.string().min(32).optional(),
  LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
});

export type Env = z.infer<typeof envSchema>;

function canParse(parse: () => unknown): boolean {
  try {
    parse();
    return true;
  } catch {
    return false;
  }
}

function isPostgresUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'postgresql:' || url.protocol === 'postgres:') && url.hostname !== '';
  } catch {
    return false;
  }
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment; a bad value becomes one readable ConfigError. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const blankAsUnset = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ''));
  const result = envSchema.safeParse(blankAsUnset);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ConfigError(`Invalid configuration: ${issue?.path.join('.') ?? 'environment'} ${issue?.message ?? ''}`.trim());
  }
  if (result.data.TRUSTED_PROXIES && result.data.TRUSTED_PROXY_HOPS > 0) {
    throw new ConfigError('Invalid configuration: set TRUSTED_PROXY_HOPS or TRUSTED_PROXIES, not both');
  }
  return result.data;
}

/** Which forwarding headers the web app may believe (lib/http/client-ip.ts). */
export function proxyTrustOf(config: Pick<Env, 'TRUSTED_PROXY_HOPS' | 'TRUSTED_PROXIES'>): ProxyTrust {
  return config.TRUSTED_PROXIES ? { proxies: parseTrustedProxies(config.TRUSTED_PROXIES) } : { hops: config.TRUSTED_PROXY_HOPS };
}

/**
 * True when SQS is the local emulator: connections use local credentials, no AssumeRole.
 * An endpoint on loopback is; one elsewhere only when LOCAL_MODE says so.
 */
export function isLocalSqs(env: Pick<Env, 'AWS_ENDPOINT_URL_SQS'> & Partial<Pick<Env, 'LOCAL_MODE'>>): boolean {
  if (!env.AWS_ENDPOINT_URL_SQS) return false;
  if (env.LOCAL_MODE) return true;
  const host = new URL(env.AWS_ENDPOINT_URL_SQS).hostname;
  return host === 'localhost' || host === '127.0.0.1' || host === '[::1]' || host.endsWith('.localhost');
}

let cached: Env | undefined;
/** The process's configuration (parsed on first use). */
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}
