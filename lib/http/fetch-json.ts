// The browser side of the JSON API: one shape for errors, so forms can show field errors.

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    message: string,
    readonly fieldErrors: Record<string, string> = {},
  ) {
    super(message);
  }
}

export async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, {
    ...init,
    headers: { 'content-type': 'application/json', ...init?.headers },
  });
  const body = (await response.json().catch(() => null)) as { error?: { message?: string; fieldErrors?: Record<string, string> } } | null;
  if (!response.ok) {
    throw new ApiError(response.status, body?.error?.message ?? `Request failed (${response.status})`, body?.error?.fieldErrors);
  }
  return body as T;
}
