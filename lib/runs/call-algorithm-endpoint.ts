// One POST to an algorithm version's endpoint, bounded by the run's timeout. Every way
// it can end becomes a value: the output, an error in plain words, or a timeout.

export type RunOutcome = { status: 'SUCCEEDED'; output: unknown } | { status: 'FAILED' | 'TIMED_OUT'; error: string };

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
    if (!response.ok) return { status: 'FAILED', error: `The algorithm answered HTTP ${response.status}: ${errorMessageOf(text, isJson)}` };
    if (!isJson) return { status: 'SUCCEEDED', output: text };
    try {
      return { status: 'SUCCEEDED', output: JSON.parse(text) as unknown };
    } catch {
      return { status: 'FAILED', error: 'The algorithm answered with invalid JSON' };
    }
  } catch (error) {
    if (error instanceof Error && error.name === 'TimeoutError') {
      return { status: 'TIMED_OUT', error: `The run did not finish within its timeout of ${call.timeoutSeconds} s` };
    }
    return { status: 'FAILED', error: `Could not reach the algorithm's endpoint: ${networkErrorOf(error)}` };
  }
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
