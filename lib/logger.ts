import pino from 'pino';
import pinoPretty from 'pino-pretty';

// One logger per process: JSON when another program reads it (production, `npm start`
// children, whose lines the supervisor prettifies), readable lines in a terminal.
const pretty = process.env.NODE_ENV !== 'production' && process.env.LOG_FORMAT !== 'json';

export const logger = pino(
  {
    level: process.env.LOG_LEVEL ?? 'info',
    base: undefined,
    redact: {
      paths: ['*.secretAccessKey', '*.sessionToken', '*.password', '*.authorization', '*.apiKey', '*.token'],
      censor: '[redacted]',
    },
  },
  pretty ? pinoPretty({ colorize: Boolean(process.stdout.isTTY), ignore: 'pid,hostname', translateTime: 'HH:MM:ss', singleLine: true, sync: true }) : undefined,
);

export type Logger = typeof logger;

/** Normalises anything thrown into an Error, once. */
export function coerceError(value: unknown): Error {
  if (value instanceof Error) return value;
  return new Error(typeof value === 'string' ? value : JSON.stringify(value));
}
