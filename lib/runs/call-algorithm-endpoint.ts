// One POST to an algorithm version's endpoint, bounded by the run's timeout. Every way
// it can end becomes a value: the output, an error in plain words, or a timeout.

export type RunOutcome = { status: 'SUCCEEDED'; output: unknown } | FailedOutcome;

export interface FailedOutcome {
  status: 'FAILED' | 'TIMED_OUT';
  error: string;
  /** Transient (network, timeout, 5xx, 429): another attempt may succeed. Other 4xx: the input is wrong. */
  retryable: boolean;
  /** The endpoint's Retry-After (a 429 or 503), in ms. */
  retryAfterMs?: number;
}

export interface EndpointCall {
  endpointUrl: string;
  input: unknown;
  timeoutSeconds: number;
  headers: Record<string, string>;
}

const MAX_ERROR_LENGTH = 500;

export async function callAlgorithmEndpoint(call: EndpointCall): Promise<RunOutcome> {
  try {
    const response = await fetch(call.endpointUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/plain', ...call.headers },
      body: JSON.stringify(call.input),
      // The signal bounds the whole exchange, reading the answer included.
      signal: AbortSignal.timeout(call.timeoutSeconds * 1000),
    });
    const text = await response.text();
    const isJson = /\bjson\b/i.test(response.headers.get('content-type') ?? '');
    if (!response.ok) {
      return {
        status: 'FAILED',
        error: `The algorithm answered HTTP ${response.status}: ${errorMessageOf(text, isJson)}`,
        retryable: response.status === 429 || response.status >= 500,
        retryAfterMs: retryAfterMsOf(response.headers.get('retry-after')),
      };
    }
    if (!isJson) return { status: 'SUCCEEDED', output: text };
    try {
      return { status: 'SUCCEEDED', output: JSON.parse(text) as unknown };
    } catch {
      return { status: 'FAILED', error: 'The algorithm answered with invalid JSON', retryable: false };
    }
  } catch (error) {
    if (error instanceof Error && error.name === 'TimeoutError') {
      return { status: 'TIMED_OUT', error: `The run did not finish within its timeout of ${call.timeoutSeconds} s`, retryable: true };
    }
    return { status: 'FAILED', error: `Could not reach the algorithm's endpoint: ${networkErrorOf(error)}`, retryable: true };
  }
}

/** Retry-After in seconds or as an HTTP date; undefined when absent or unreadable. */
function retryAfterMsOf(header: string | null): number | undefined {
  if (!header) return undefined;
  const ms = /^\d+$/.test(header.trim()) ? Number(header) * 1000 : Date.parse(header) - Date.now();
  return Number.isFinite(ms) ? Math.max(0, ms) : undefined;
}

/** The algorithm's own message when it sent `{error: {message}}` or `{error: "…"}`. */
function errorMessageOf(text: string, isJson: boolean): string {
  if (isJson) {
    try {
      const body = JSON.parse(text) as { error?: unknown; message?: unknown };
      const error = body.error as { message?: unknown } | string | undefined;
      const message = typeof error === 'string' ? error : typeof error?.message === 'string' ? error.message : body.message;
      if (typeof message === 'string') return message.slice(0, MAX_ERROR_LENGTH);
    } catch {
      // Not JSON after all: report the text.
    }
  }
  return text.slice(0, MAX_ERROR_LENGTH) || '(no body)';
}

function networkErrorOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
