import { NextResponse } from 'next/server';
import { buildOpenApiDocument } from '@/lib/openapi/build-openapi-document';

// The document depends on the code only, so it is built once, with the app.
export const dynamic = 'force-static';

/** The OpenAPI 3.1 document (docs/json-api.md); /docs/api renders it. */
export function GET() {
  return NextResponse.json(buildOpenApiDocument());
}
