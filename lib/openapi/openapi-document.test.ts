import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from './build-openapi-document';

const ROOT = path.resolve(import.meta.dirname, '../..');
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
// Compiling the OpenAPI 3.1 meta-schema takes seconds on a busy machine.
const VALIDATION_TIMEOUT_MS = 60_000;

interface RouteMethod {
  file: string;
  method: string;
  /** The URL's segments: literals, `[param]` (one segment) or `[...param]` (one or more). */
  segments: string[];
}

function routeFiles(dir = 'app'): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(relative);
    return entry.name === 'route.ts' ? [relative] : [];
  });
}

/** The HTTP methods a route file exports, read from its syntax tree: `export function GET`, `export const POST = …`, `export { GET }`. */
function exportedMethods(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(path.join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest);
  const isExported = (node: ts.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
  const names = source.statements.flatMap((statement) => {
    if (ts.isFunctionDeclaration(statement) && isExported(statement)) return [statement.name?.text ?? ''];
    if (ts.isVariableStatement(statement) && isExported(statement)) return statement.declarationList.declarations.map((declaration) => declaration.name.getText(source));
    if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) return statement.exportClause.elements.map((element) => element.name.text);
    return [];
  });
  return names.filter((name) => (METHODS as readonly string[]).includes(name));
}

function routeMethods(): RouteMethod[] {
  return routeFiles().flatMap((file) => {
    // Route groups, (app), are not part of the URL.
    const segments = file.split('/').slice(1, -1).filter((segment) => !/^\(.*\)$/.test(segment));
    return exportedMethods(file).map((method) => ({ file, method, segments }));
  });
}

/** Does the document's path (`/api/v1/flows/{id}`) name a URL of this route? */
function routeServes(route: string[], specPath: string): boolean {
  const spec = specPath.split('/').slice(1);
  const catchAll = route.at(-1)?.startsWith('[...');
  if (catchAll ? spec.length < route.length : spec.length !== route.length) return false;
  return route.every((segment, index) => {
    if (segment.startsWith('[...')) return true;
    if (segment.startsWith('[')) return /^\{.+\}$/.test(spec[index]!);
    return segment === spec[index];
  });
}

const document = buildOpenApiDocument();
const operations = Object.entries(document.paths ?? {}).flatMap(([specPath, item]) =>
  METHODS.filter((method) => method.toLowerCase() in (item as object)).map((method) => ({ specPath, method })),
);
const routes = routeMethods();

describe('the OpenAPI document', () => {
  it('finds the routes and the operations it compares', () => {
    expect(routes.length).toBeGreaterThan(40);
    expect(operations.length).toBeGreaterThan(40);
  });

  it('describes every method of every route.ts under app/', () => {
    const undocumented = routes.filter((route) => !operations.some((operation) => operation.method === route.method && routeServes(route.segments, operation.specPath)));
    expect(undocumented.map(({ file, method }) => `${method} ${file}`)).toEqual([]);
  });

  it('describes only routes that exist', () => {
    const phantom = operations.filter((operation) => !routes.some((route) => route.method === operation.method && routeServes(route.segments, operation.specPath)));
    expect(phantom.map(({ method, specPath }) => `${method} ${specPath}`)).toEqual([]);
  });

  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document) as unknown as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  }, VALIDATION_TIMEOUT_MS);

  it('says who may call each operation, and gives every error the one error body', () => {
    for (const [specPath, item] of Object.entries(document.paths ?? {})) {
      for (const [method, operation] of Object.entries(item as Record<string, { security?: unknown[]; responses: Record<string, { content?: Record<string, { schema?: unknown }> }> }>)) {
        const where = `${method.toUpperCase()} ${specPath}`;
        if (specPath.startsWith('/api/v1/')) expect(operation.security, where).toEqual([{ session: [] }]);
        if (specPath.startsWith('/v1/algo/')) expect(operation.security, where).toEqual([{ apiKey: [] }]);
        if (specPath.startsWith('/v1/data/')) expect(operation.security, where).toEqual([{ apiKey: [] }, { dataToken: [] }]);
        if (specPath.startsWith('/v1/event-flows/')) expect(operation.security, where).toEqual([{ workerToken: [] }]);
        if (specPath.startsWith('/api/v1/')) expect(operation.responses['401']?.content?.['application/json']?.schema, where).toEqual({ $ref: '#/components/schemas/Error' });
      }
    }
  });
});
