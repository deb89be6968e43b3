import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { API_TYPES_FILE, renderApiTypes } from '@/scripts/generate-api-types';

// Rendering takes seconds on a busy machine: more than a unit test's default 5 s.
const RENDER_TIMEOUT_MS = 60_000;

it("the typed client's types are the OpenAPI document's current ones (else: npm run api:types)", async () => {
  expect(await readFile(API_TYPES_FILE, 'utf8')).toBe(await renderApiTypes());
}, RENDER_TIMEOUT_MS);
