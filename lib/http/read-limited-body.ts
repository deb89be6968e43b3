import { AppError } from '@/lib/errors';

/**
 * A request's body, at most `maxBytes`: a larger Content-Length is refused before a byte
 * is read, and a body that turns out larger (chunked, or a lying header) is refused as
 * soon as it passes the limit, without keeping the rest. Call it after authenticating.
 */
export async function readLimitedBody(request: Request, maxBytes: number, what: string): Promise<Buffer> {
  assertDeclaredBodySize(request, maxBytes, what);
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
      throw tooLarge(maxBytes, what);
    }
    chunks.push(value);
  }
}

/** Refuses a request whose Content-Length is over `maxBytes`, before a byte of its body is read. */
export function assertDeclaredBodySize(request: Pick<Request, 'headers'>, maxBytes: number, what: string): void {
  const declared = Number(request.headers.get('content-length') ?? '');
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes, what);
}

function tooLarge(maxBytes: number, what: string): AppError {
  return new AppError('PAYLOAD_TOO_LARGE', `${what} is larger than ${describeBytes(maxBytes)}, the limit`);
}

/** 10485760 → "10 MB"; 10 × 1 MiB + 64 KiB → "10.06 MB"; 65536 → "64 KB" (binary units, as SQS counts). */
export function describeBytes(bytes: number): string {
  const [amount, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'KB'] : [bytes / 1024 / 1024, 'MB'];
  return `${Number.isInteger(amount) ? amount : amount.toFixed(2)} ${unit}`;
}
