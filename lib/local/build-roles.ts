import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';

// The roles (web, worker, migrate) run as JavaScript bundles, not through tsx: tsx's loader
// thread and its keep-names wrappers (a property array on every closure) cost memory at
// start and on every flow, which V8's headroom doubles and a thousand flows in one process
// multiply (docs/benchmarks.md, "Scale"). Bundling is quick, so `npm start` and the tests
// do it every time and it never goes stale.

const ROOT = path.resolve(import.meta.dirname, '../..');

// Two levels below the root, as `lib/db/` is, so that paths the sources resolve from
// their own folder (the migrations, the app's build) resolve the same from the bundle.
const ROLE_BUNDLES = {
  web: { entry: 'web/main.ts', bundle: path.join(ROOT, '.build', 'web', 'main.mjs') },
  worker: { entry: 'worker/main.ts', bundle: path.join(ROOT, '.build', 'worker', 'main.mjs') },
  migrate: { entry: 'scripts/migrate.ts', bundle: path.join(ROOT, '.build', 'migrate', 'main.mjs') },
};

// Node's own flags per role, as in package.json's `start:<role>` (build-roles.test.ts
// checks that they agree). The worker's heap ceiling fits its container (768 MiB in
// deploy/kubernetes): without one, V8 sizes the heap for the whole machine and lets the
// garbage of every long poll (each lives its 20 s and is promoted) build up for a minute
// or more before a full collection; with it, a collection comes every 10-20 s.
const NODE_FLAGS: Record<Role, string[]> = {
  web: ['--enable-source-maps'],
  worker: ['--enable-source-maps', '--max-old-space-size=512'],
  migrate: ['--enable-source-maps'],
};

export type Role = keyof typeof ROLE_BUNDLES;

/** `node ...nodeArgsOf(role)` runs the role, once buildRoles() has built it. Stack traces name the TypeScript sources. */
export function nodeArgsOf(role: Role): string[] {
  return [...NODE_FLAGS[role], ROLE_BUNDLES[role].bundle];
}

/** Bundles each role's entry (node_modules stay external) for nodeArgsOf. */
export async function buildRoles(): Promise<void> {
  await Promise.all(Object.values(ROLE_BUNDLES).map(({ entry, bundle }) => buildBundle(path.join(ROOT, entry), bundle)));
}

async function buildBundle(entry: string, outfile: string): Promise<void> {
  const { outputFiles } = await build({
    entryPoints: [entry],
    outfile,
    write: false,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    tsconfig: path.join(ROOT, 'tsconfig.json'),
    sourcemap: 'linked',
    logLevel: 'error',
  });
  await mkdir(path.dirname(outfile), { recursive: true });
  // Written aside, then renamed: a process starting meanwhile reads the old or the new file, whole.
  for (const file of outputFiles) {
    const temporary = `${file.path}.${process.pid}.tmp`;
    await writeFile(temporary, file.contents);
    await rename(temporary, file.path);
  }
}
