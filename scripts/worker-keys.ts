// `npm run worker-keys`: the worker's two keys (WORKER_API_TOKEN, DATA_TOKEN_KEY), derived
// from BETTER_AUTH_SECRET, as lines for an env file or a Secret. A deployed worker gets
// these, never the secret itself (docs/operations.md).
import { parseEnv } from '@/lib/env';
import { workerEnvOf } from '@/lib/local/worker-env';

const { BETTER_AUTH_SECRET } = parseEnv();
if (!BETTER_AUTH_SECRET) {
  process.stderr.write('Set BETTER_AUTH_SECRET (at least 32 characters) to derive the worker keys from it.\n');
  process.exit(1);
}
const { WORKER_API_TOKEN, DATA_TOKEN_KEY } = workerEnvOf({ NODE_ENV: 'production', BETTER_AUTH_SECRET });
process.stdout.write(`WORKER_API_TOKEN=${WORKER_API_TOKEN}\nDATA_TOKEN_KEY=${DATA_TOKEN_KEY}\n`);
