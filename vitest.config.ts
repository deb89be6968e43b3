import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Three projects: `unit` (pure tests beside the code and deploy/'s checks, no services, seconds: `npm run
// test:unit`), `integration` (real PostgreSQL, SQS emulator, processes) and `browser`
// (Chromium against the production build). `npm test` runs all three.
const SERVICES = ['test/setup/global-setup.ts'];
// Fails a test that leaves a worker, executor, server or process running.
const LEAK_GUARD = ['test/setup/leak-guard.ts'];
// It long-polls the SQS emulator, so it runs with the integration tests.
const RECEIVER_TEST = 'lib/sqs/create-message-receiver.test.ts';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    pool: 'forks',
    // Two cores here: more parallel files only make the browser tests slower.
    maxWorkers: 2,
    env: { NODE_ENV: 'test', LOG_LEVEL: 'warn', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    // A poll ends as soon as its condition holds; on a loaded 2-core machine a page or a
    // query can take longer than vitest's 1 s default to get there.
    expect: { poll: { timeout: 10_000 } },
    projects: [
      { extends: true, test: { name: 'unit', include: ['lib/**/*.test.ts', 'worker/**/*.test.ts', 'deploy/**/*.test.ts', 'components/**/*.test.ts'], exclude: [RECEIVER_TEST] } },
      {
        extends: true,
        test: { name: 'integration', include: ['test/integration/**/*.test.ts', RECEIVER_TEST], globalSetup: SERVICES, setupFiles: LEAK_GUARD, testTimeout: 30_000, hookTimeout: 120_000 },
      },
      { extends: true, test: { name: 'browser', include: ['test/browser/**/*.test.ts'], globalSetup: SERVICES, setupFiles: LEAK_GUARD, testTimeout: 30_000, hookTimeout: 120_000 } },
    ],
  },
});
