import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The README and the docs name files and folders of this repository and link to each
// other; a rename must not leave any of them pointing at nothing.
const ROOT = path.resolve(import.meta.dirname, '..');
// A name in backticks that starts with one of these is a repository path (from the root).
const TOP_LEVEL = ['app/', 'components/', 'lib/', 'prisma/', 'worker/', 'test/', 'bench/', 'scripts/', 'examples/', 'docs/', 'deploy/', '.ci/'];
// Installed, built or generated: not documentation of ours.
const NOT_OURS = new Set(['node_modules', 'lib/generated']);

function markdownFiles(dir = ''): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name.startsWith('.') || NOT_OURS.has(relative) ? [] : markdownFiles(relative);
    return entry.name.endsWith('.md') ? [relative] : [];
  });
}

/** The text without fenced code blocks: their brackets and backticks are code, not links or paths. */
function proseOf(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
}

function pathsNamedIn(markdown: string): string[] {
  const named = [...proseOf(markdown).matchAll(/`([^`\s]+)`/g)].map((match) => match[1]!);
  return [...new Set(named.filter((name) => TOP_LEVEL.some((dir) => name.startsWith(dir)) && !/[<>{}*…]/.test(name)))];
}

/** Relative link targets: Markdown links and images, and HTML src/href; web addresses and mail left out. */
function linksIn(markdown: string): string[] {
  const prose = proseOf(markdown).replace(/`[^`\n]*`/g, '');
  const targets = [...prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g), ...prose.matchAll(/\b(?:src|href)="([^"]+)"/g)].map((match) => match[1]!);
  return [...new Set(targets.filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target)))];
}

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens. */
function anchorOf(heading: string): string {
  const text = heading.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
  return text.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
}

function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  for (const [, heading] of proseOf(markdown).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const base = anchorOf(heading!);
    let anchor = base;
    for (let n = 1; anchors.has(anchor); n++) anchor = `${base}-${n}`;
    anchors.add(anchor);
  }
  return anchors;
}

/** What is wrong with a relative link from `file`, or null when it resolves (file, and heading if it names one). */
function brokenLink(file: string, target: string): string | null {
  const [targetPath = '', anchor] = target.split('#');
  const resolved = targetPath === '' ? file : path.posix.normalize(path.posix.join(path.posix.dirname(file), decodeURI(targetPath.split('?')[0]!)));
  const absolute = path.join(ROOT, resolved);
  if (resolved.startsWith('..') || !existsSync(absolute)) return `${target}: no file ${resolved}`;
  if (!anchor || !resolved.endsWith('.md') || statSync(absolute).isDirectory()) return null;
  return anchorsOf(readFileSync(absolute, 'utf8')).has(anchor) ? null : `${target}: no heading #${anchor} in ${resolved}`;
}

const files = markdownFiles();

describe('the Markdown files', () => {
  it('are found: the README, the docs pages and the READMEs beside the code', () => {
    expect(files).toContain('README.md');
    expect(files).toContain('docs/getting-started.md');
    expect(files).toContain('lib/flows/README.md');
  });

  it.each(files)('%s names only repository paths that exist', (file) => {
    const named = pathsNamedIn(readFileSync(path.join(ROOT, file), 'utf8'));
    expect(named.filter((name) => !existsSync(path.join(ROOT, name)))).toEqual([]);
  });

  it.each(files)('%s links only to files and headings that exist', (file) => {
    const links = linksIn(readFileSync(path.join(ROOT, file), 'utf8'));
    expect(links.map((target) => brokenLink(file, target)).filter(Boolean)).toEqual([]);
  });

  it('the README links every docs page', () => {
    const linked = new Set(linksIn(readFileSync(path.join(ROOT, 'README.md'), 'utf8')).map((target) => target.split('#')[0]));
    expect(files.filter((file) => file.startsWith('docs/') && !linked.has(file))).toEqual([]);
  });

  it('check enough to matter: the docs name dozens of paths and links', () => {
    const texts = files.map((file) => readFileSync(path.join(ROOT, file), 'utf8'));
    expect(texts.flatMap(pathsNamedIn).length).toBeGreaterThan(50);
    expect(texts.flatMap(linksIn).length).toBeGreaterThan(50);
  });
});
