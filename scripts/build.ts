// `npm run build`: everything the roles run, built once — the Next.js app (standalone) and
// the web, worker and migration bundles. After it, `npm prune --omit=dev` leaves what
// `npm run migrate`, `start:web` and `start:worker` need (deploy/Dockerfile does this).
import { ensureAppBuilt } from '@/lib/local/build-app';
import { buildRoles } from '@/lib/local/build-roles';

await ensureAppBuilt(() => process.stdout.write('Building the web app (next build)…\n'));
await buildRoles();
process.stdout.write('Built .next/standalone and .build/{web,worker,migrate}/main.mjs\n');
