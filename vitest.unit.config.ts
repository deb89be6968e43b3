import path from 'node:path';
import { defineConfig } from 'vitest/config';

// `npm run test:unit`: the pure unit tests next to the code, in seconds: no database,
// emulator or build (the full `npm test` runs them too).
export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['lib/**/*.test.ts', 'worker/**/*.test.ts'],
    // It long-polls the SQS emulator that the full run's global setup starts.
    exclude: ['lib/sqs/create-message-receiver.test.ts'],
    env: { NODE_ENV: 'test', LOG_LEVEL: 'warn' },
  },
});
