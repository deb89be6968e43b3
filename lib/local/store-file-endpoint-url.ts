/**
 * The built-in store-file example's endpoint (served by the web app in local mode), set up
 * to write to data://<owner>/<collection>/<input.filename>: the seeded demo and the
 * Publish version dialog's "Use the built-in example" both make it here.
 */
export function storeFileEndpointUrl(appUrl: string, owner: string, collection: string): string {
  return `${appUrl.replace(/\/$/, '')}/api/examples/store-file?${new URLSearchParams({ owner, collection })}`;
}
