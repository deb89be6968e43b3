import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

// `next build` takes a minute on two cores, so it runs only when the sources changed
// since the last build (a hash of their paths, sizes and modification times). Its output
// is standalone (.next/standalone: the server files and the node_modules they need), which
// the web role serves (web/main.ts); the browser's assets are copied in beside them, as
// Next.js leaves that to the deployment.

const ROOT = path.resolve(import.meta.dirname, '../..');
const SOURCE_DIRS = ['app', 'components', 'examples', 'lib'];
const SOURCE_FILES = ['next.config.ts', 'package-lock.json', 'postcss.config.mjs', 'tsconfig.json'];
const SKIP = new Set(['generated', 'node_modules']);

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const nested = await Promise.all(
    entries.map((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return SKIP.has(entry.name) ? [] : listFiles(full);
      return [full];
    }),
  );
  return nested.flat();
}

async function sourceFingerprint(): Promise<string> {
  const files = [
    ...(await Promise.all(SOURCE_DIRS.map((d) => listFiles(path.join(ROOT, d))))).flat(),
    ...SOURCE_FILES.map((f) => path.join(ROOT, f)),
  ].sort();
  const hash = createHash('sha256');
  for (const file of files) {
    const info = await stat(file).catch(() => undefined);
    if (info) hash.update(`${path.relative(ROOT, file)}:${info.size}:${info.mtimeMs}\n`);
  }
  return hash.digest('hex');
}

/** Runs `next build` unless the current build matches the sources. */
export async function ensureAppBuilt(onStart?: () => void): Promise<void> {
  const marker = path.join(ROOT, '.next', 'event-flows-source-hash');
  const fingerprint = await sourceFingerprint();
  const built = await readFile(marker, 'utf8').catch(() => '');
  if (built === fingerprint) return;
  onStart?.();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(path.join(ROOT, 'node_modules', '.bin', 'next'), ['build'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`next build failed:\n${output}`))));
  });
  await cp(path.join(ROOT, '.next', 'static'), path.join(ROOT, '.next', 'standalone', '.next', 'static'), { recursive: true });
  await writeFile(marker, fingerprint);
}
