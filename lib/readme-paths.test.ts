import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The README names files and folders of this repository; a rename must not leave it pointing at nothing.
const ROOT = path.resolve(import.meta.dirname, '..');
const TOP_LEVEL = ['app/', 'components/', 'lib/', 'prisma/', 'worker/', 'test/', 'bench/', 'scripts/', 'examples/', 'docs/'];

function pathsNamedIn(markdown: string): string[] {
  const named = [...markdown.matchAll(/`([^`\s]+)`/g)].map((match) => match[1]!);
  return [...new Set(named.filter((name) => TOP_LEVEL.some((dir) => name.startsWith(dir)) && !/[<>{}*]/.test(name)))];
}

describe('the README', () => {
  it('names only paths that exist', () => {
    const named = pathsNamedIn(readFileSync(path.join(ROOT, 'README.md'), 'utf8'));
    expect(named.length).toBeGreaterThan(20);
    expect(named.filter((name) => !existsSync(path.join(ROOT, name)))).toEqual([]);
  });
});
