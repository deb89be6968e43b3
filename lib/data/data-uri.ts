import { collectionNameSchema, filePathSchema } from './data-names';

/** A place in hosted data: a collection, or a file in it when `path` is set. */
export interface DataLocation {
  owner: string;
  collection: string;
  path: string | null;
}

export type DataLocationResult = { ok: true; location: DataLocation } | { ok: false; error: string };

const SCHEME = 'data://';

/** `data://owner/collection` or `data://owner/collection/path/to/file`. */
export function parseDataUri(uri: string): DataLocationResult {
  if (!uri.startsWith(SCHEME)) return { ok: false, error: `A data URI starts with ${SCHEME}` };
  return parseDataPath(uri.slice(SCHEME.length));
}

/** The same without the scheme, as in the data API's URL: `owner/collection[/path]`. */
export function parseDataPath(path: string): DataLocationResult {
  const [owner, collection, ...rest] = path.split('/');
  if (!owner || /\s/.test(owner)) return { ok: false, error: 'A data URI names its owner: data://owner/collection/file' };
  const name = collectionNameSchema.safeParse(collection ?? '');
  if (!name.success) return { ok: false, error: `Collection: ${name.error.issues[0]?.message}` };
  if (rest.length === 0 || (rest.length === 1 && rest[0] === '')) return { ok: true, location: { owner, collection: name.data, path: null } };
  const file = filePathSchema.safeParse(rest.join('/'));
  if (!file.success) return { ok: false, error: `File path: ${file.error.issues[0]?.message}` };
  return { ok: true, location: { owner, collection: name.data, path: file.data } };
}

export function dataUriOf(location: DataLocation): string {
  return `${SCHEME}${location.owner}/${location.collection}${location.path ? `/${location.path}` : ''}`;
}

/** Where the data API serves a location, under the platform's base URL (X-Data-API). */
export function dataApiUrlOf(baseUrl: string, location: DataLocation): string {
  const parts = [location.owner, location.collection, ...(location.path?.split('/') ?? [])];
  return `${baseUrl.replace(/\/+$/, '')}/v1/data/${parts.map(encodeURIComponent).join('/')}`;
}
