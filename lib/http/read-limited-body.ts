import { AppError } from '@/lib/errors';

/**
 * A request's body, at most `maxBytes`: a larger Content-Length is refused before a byte
 * is read, and a body that turns out larger (chunked, or a lying header) is refused as
 * soon as it passes the limit, without keeping the rest. Call it after authenticating.
 */
export async function readLimitedBody(request: Request, maxBytes: number, what: string): Promise<Buffer> {
  const tooLarge = () => new AppError('PAYLOAD_TOO_LARGE', `${what} is larger than ${describeBytes(maxBytes)}, the limit`);
  const declared = Number(request.headers.get('content-length') ?? '');
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks);
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
}

/** 10485760 → "10 MB"; 10 × 1 MiB + 64 KiB → "10.06 MB" (binary megabytes, as SQS counts). */
export function describeBytes(bytes: number): string {
  const mb = bytes / 1024 / 1024;
  return `${Number.isInteger(mb) ? mb : mb.toFixed(2)} MB`;
}
