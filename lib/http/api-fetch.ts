import type { FieldErrors } from '@/lib/errors';

/** An error answer of our JSON API, as the browser sees it. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    message: string,
    readonly fieldErrors: FieldErrors = {},
  ) {
    super(message);
  }
}

/** fetch for our JSON routes: the parsed body, or an ApiError with the server's message and field errors. */
export async function apiFetch<T>(url: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers: init.body === undefined ? undefined : { 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const body = (await response.json().catch(() => ({}))) as { error?: { message?: string; fieldErrors?: FieldErrors } };
  if (!response.ok) throw new ApiError(response.status, body.error?.message ?? `The server answered ${response.status}`, body.error?.fieldErrors);
  return body as T;
}
