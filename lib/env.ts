import { z } from 'zod';

// Configuration, validated once. Names are fixed by PRODUCT.md ("Configuration names").
const port = z.coerce.number().int().min(1).max(65535);
const positiveInt = z.coerce.number().int().positive();

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: port.default(3000),
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
  REQUEUE_DELAY_SECONDS: z.coerce.number().int().min(0).max(43_200).default(300),
  MAX_WORKERS: positiveInt.default(8),
  USER_SESSION_LIMIT: positiveInt.default(4),
  WORKER_METRICS_PORT: port.default(9464),
  BETTER_AUTH_SECRET: z.string().min(32).optional(),
  LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
});

export type Env = z.infer<typeof envSchema>;

export function isPostgresUrl(value: string): boolean {
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
  return result.data;
}

/** True when SQS is the local emulator: connections use local credentials, no AssumeRole. */
export function isLocalSqs(env: Pick<Env, 'AWS_ENDPOINT_URL_SQS'>): boolean {
  if (!env.AWS_ENDPOINT_URL_SQS) return false;
  const host = new URL(env.AWS_ENDPOINT_URL_SQS).hostname;
  return host === 'localhost' || host === '127.0.0.1' || host === '[::1]' || host.endsWith('.localhost');
}

let cached: Env | undefined;
/** The process's configuration (parsed on first use). */
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}
