// One error type for the domain: a code the HTTP layer maps to a status, a message in
// plain words for the UI, and field errors for forms.

export type AppErrorCode =
  | 'BAD_REQUEST'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  // A request body over its size limit, or an upload over the caller's storage quota.
  | 'PAYLOAD_TOO_LARGE'
  | 'TOO_MANY_REQUESTS'
  // An AWS service the request depends on refused or failed (the message says why).
  | 'BAD_GATEWAY';

export type FieldErrors = Record<string, string>;

export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly fieldErrors?: FieldErrors,
    options?: { cause?: unknown; retryAfterSeconds?: number },
  ) {
    super(message, options);
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }

  /** With TOO_MANY_REQUESTS: when trying again is likely to succeed (sent as Retry-After). */
  readonly retryAfterSeconds?: number;
}

export const HTTP_STATUS: Record<AppErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  TOO_MANY_REQUESTS: 429,
  BAD_GATEWAY: 502,
};
