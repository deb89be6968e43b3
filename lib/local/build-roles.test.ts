import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROLE_SCRIPTS } from '@/test/support/role-commands';
import { nodeArgsOf } from './build-roles';

const ROOT = path.resolve(import.meta.dirname, '../..');
const { scripts } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

describe('nodeArgsOf', () => {
  // npm start, the tests and the benchmarks run a role as the image's command does.
  it.each(Object.entries(ROLE_SCRIPTS))('runs the %s role with the node flags of `npm run %s`', (role, script) => {
    const args = nodeArgsOf(role as keyof typeof ROLE_SCRIPTS).map((arg) => (path.isAbsolute(arg) ? path.relative(ROOT, arg) : arg));
    expect(scripts[script]).toBe(`exec node ${args.join(' ')}`);
  });
});
