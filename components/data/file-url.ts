/** The collection page's own API for one file (session cookie): GET downloads, PUT uploads, DELETE deletes. */
export function fileUrl(collection: string, path: string): string {
  return `/api/v1/collections/${encodeURIComponent(collection)}/files/${path.split('/').map(encodeURIComponent).join('/')}`;
}
