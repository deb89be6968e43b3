// Where the platform serves the store-file example (local mode only), and the message the
// guide sends it (section 5, "Sending messages to the broker").

export const STORE_FILE_EXAMPLE_PATH = '/api/examples/store-file';

/** The guide's sample message body: the input the example expects. */
export const STORE_FILE_SAMPLE_BODY = '{\n    "filename" : "some-new-file.txt",\n    "data" : "file contents to store"\n}';

/** The example's endpoint URL on the app at `appUrl`, writing to data://owner/collection/. */
export function storeFileExampleUrl(appUrl: string, owner: string, collection: string): string {
  return `${appUrl.replace(/\/+$/, '')}${STORE_FILE_EXAMPLE_PATH}?${new URLSearchParams({ owner, collection })}`;
}

/** Whether a version's endpoint is the built-in example (on whatever host the app was reached as). */
export function isStoreFileExampleUrl(endpointUrl: string): boolean {
  return URL.canParse(endpointUrl) && new URL(endpointUrl).pathname === STORE_FILE_EXAMPLE_PATH;
}
