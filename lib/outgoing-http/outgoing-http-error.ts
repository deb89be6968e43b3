// Every way an outgoing request can fail, as a code and a message in plain words.

export type OutgoingHttpErrorCode = 'REFUSED_ADDRESS' | 'REDIRECT' | 'TOO_LARGE' | 'CONNECT_TIMEOUT' | 'TIMEOUT' | 'ABORTED' | 'NETWORK';

export class OutgoingHttpError extends Error {
  override name = 'OutgoingHttpError';
  constructor(
    readonly code: OutgoingHttpErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
