// Runs `prisma generate` on machines where Prisma cannot download its schema engine.
// generate never executes that binary; pointing the variable at any existing file
// stops the download attempt (see ENVIRONMENT.md).
import { spawnSync } from 'node:child_process';

const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;
const result = spawnSync('npx', ['--no-install', 'prisma', 'generate'], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
