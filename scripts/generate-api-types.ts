// `npm run api:types`: the TypeScript types of the OpenAPI document, for the typed client
// example (examples/api-client/). A unit test fails while the committed file is stale.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';
import { buildOpenApiDocument } from '@/lib/openapi/build-openapi-document';

export const API_TYPES_FILE = path.resolve(import.meta.dirname, '../examples/api-client/api-types.ts');

/** The file's text: openapi-typescript's rendering of the document the app serves at /api/openapi.json. */
export async function renderApiTypes(): Promise<string> {
  const document = JSON.parse(JSON.stringify(buildOpenApiDocument())) as Parameters<typeof openapiTS>[0];
  return `${COMMENT_HEADER.replace(' */', ' * Regenerate with `npm run api:types` (from lib/openapi/build-openapi-document.ts).\n */')}${astToString(await openapiTS(document))}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await writeFile(API_TYPES_FILE, await renderApiTypes());
  process.stdout.write(`Wrote ${path.relative(process.cwd(), API_TYPES_FILE)}\n`);
}
