// The browser's side of the JSON API: one fetch wrapper that turns the API's error shape
// ({ error: { code, message, fieldErrors } }) into an ApiError.

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fieldErrors: Record<string, string> = {},
  ) {
    super(message);
  }
}

interface ErrorBody {
  error?: { code?: string; message?: string; fieldErrors?: Record<string, string> };
}

export async function apiRequest<T>(path: string, { method = 'GET', body }: { method?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(path, {
    method,
    headers: body === undefined ? undefined : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => ({}));
  if (!response.ok) {
    const { error } = payload as ErrorBody;
    throw new ApiError(response.status, error?.code ?? 'INTERNAL', error?.message ?? `The request failed (${response.status})`, error?.fieldErrors);
  }
  return payload as T;
}
