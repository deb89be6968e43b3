// The seed guide's example algorithm, as an HTTP endpoint: it writes `input.data` to
// data://OWNER/COLLECTION/<input.filename> through the platform's data API.
//
//   def apply(input):
//       client.file("data://OWNER/COLLECTION/" + input["filename"]).put(input["data"])
//
// OWNER and COLLECTION are its configuration, read from the endpoint URL's query string
// (…/store-file?owner=demo&collection=event_output_directory). The platform sends a data
// token with each call (Authorization). The data API's base is the serving app's own
// APP_URL, never a request header: a header would let any caller aim its PUT anywhere.
import { dataApiUrlOf, dataUriOf, parseDataUri } from '@/lib/data/data-uri';

interface StoreFileInput {
  filename: string;
  data: unknown;
}

function isStoreFileInput(value: unknown): value is StoreFileInput {
  const input = value as Partial<StoreFileInput> | null;
  return typeof input === 'object' && input !== null && typeof input.filename === 'string' && input.data !== undefined;
}

function fail(status: number, message: string): Response {
  return Response.json({ error: { message } }, { status });
}

export async function handleStoreFile(request: Request, dataApi: string): Promise<Response> {
  const config = new URL(request.url).searchParams;
  const authorization = request.headers.get('authorization');
  if (!authorization) return fail(400, 'Call this algorithm through the platform: Authorization is missing');
  const input: unknown = await request.json().catch(() => undefined);
  if (!isStoreFileInput(input)) return fail(400, 'The input must look like {"filename": "some-new-file.txt", "data": "file contents to store"}');

  const target = parseDataUri(`data://${config.get('owner') ?? ''}/${config.get('collection') ?? ''}/${input.filename}`);
  if (!target.ok) return fail(400, target.error);
  const content = typeof input.data === 'string' ? input.data : JSON.stringify(input.data);
  const stored = await fetch(dataApiUrlOf(dataApi, target.location), {
    method: 'PUT',
    headers: { authorization, 'content-type': 'text/plain; charset=utf-8' },
    body: content,
  });
  if (!stored.ok) return fail(502, `The data API answered ${stored.status}: ${await stored.text()}`);
  return Response.json({ stored: dataUriOf(target.location), size: Buffer.byteLength(content) });
}
