import { env } from '@/lib/env';

/** The origins this web app is served from: APP_URL first, then the loopback names of PORT. */
export function appOrigins(): string[] {
  const { PORT, APP_URL } = env();
  return [APP_URL ? new URL(APP_URL).origin : `http://localhost:${PORT}`, `http://localhost:${PORT}`, `http://127.0.0.1:${PORT}`];
}
