import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';

// The worker runs as one JavaScript bundle, not through tsx: tsx's loader thread and its
// keep-names wrappers (a property array on every closure) cost memory at start and on
// every flow, which V8's headroom doubles and a thousand flows in one process multiply
// (docs/benchmarks.md, "Scale"). Bundling is quick, so it is done on every start and
// never goes stale.

const ROOT = path.resolve(import.meta.dirname, '../..');

// Two levels below the root, as `lib/db/` is, so that paths the sources resolve from
// their own folder (the migrations) resolve the same from the bundle.
const WORKER_BUNDLE = path.join(ROOT, '.build', 'worker', 'main.mjs');

/** `node ...WORKER_NODE_ARGS` runs the worker, once buildWorker() has built it. Stack traces name the TypeScript sources. */
export const WORKER_NODE_ARGS = ['--enable-source-maps', WORKER_BUNDLE];

/** Bundles worker/main.ts (node_modules stay external) for WORKER_NODE_ARGS. */
export async function buildWorker(): Promise<void> {
  const { outputFiles } = await build({
    entryPoints: [path.join(ROOT, 'worker', 'main.ts')],
    outfile: WORKER_BUNDLE,
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
  await mkdir(path.dirname(WORKER_BUNDLE), { recursive: true });
  // Written aside, then renamed: a worker starting meanwhile reads the old or the new file, whole.
  for (const file of outputFiles) {
    const temporary = `${file.path}.${process.pid}.tmp`;
    await writeFile(temporary, file.contents);
    await rename(temporary, file.path);
  }
}
