import { retryAfterMsOf } from '@/lib/http/retry-after';
import type { EgressPolicy } from '@/lib/outgoing-http/egress-policy';
import { OutgoingHttpError } from '@/lib/outgoing-http/outgoing-http-error';
import { firstHeader, sendOutgoingRequest } from '@/lib/outgoing-http/send-outgoing-request';
import { jsonStorageProblem } from './json-storage-problem';

// One POST to an algorithm version's endpoint, under the egress policy and bounded by
// the run's timeout. Every way it can end becomes a value: the output, an error in
// plain words, or a timeout.

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
  policy: EgressPolicy;
  connectTimeoutMs: number;
  maxOutputBytes: number;
}

const MAX_ERROR_LENGTH = 500;

export async function callAlgorithmEndpoint(call: EndpointCall): Promise<RunOutcome> {
  try {
    const response = await sendOutgoingRequest({
      url: call.endpointUrl,
      headers: { 'content-type': 'application/json', accept: 'application/json, text/plain', ...call.headers },
      body: JSON.stringify(call.input),
      policy: call.policy,
      connectTimeoutMs: call.connectTimeoutMs,
      timeoutMs: call.timeoutSeconds * 1000,
      maxResponseBytes: call.maxOutputBytes,
    });
    const text = response.body.toString('utf8');
    const isJson = /\bjson\b/i.test(response.headers['content-type'] ?? '');
    if (response.status < 200 || response.status > 299) {
      return {
        status: 'FAILED',
        error: `The algorithm answered HTTP ${response.status}: ${errorMessageOf(text, isJson)}`,
        retryable: response.status === 429 || response.status >= 500,
        retryAfterMs: retryAfterMsOf(firstHeader(response.headers['retry-after'])),
      };
    }
    let output: unknown = text;
    if (isJson) {
      try {
        output = JSON.parse(text);
      } catch {
        return { status: 'FAILED', error: 'The algorithm answered with invalid JSON', retryable: false };
      }
    }
    // Refused here, or its write would fail with the outcomes written beside it.
    const problem = jsonStorageProblem(output);
    if (problem) return { status: 'FAILED', error: `The algorithm's output cannot be stored: ${problem}`, retryable: false };
    return { status: 'SUCCEEDED', output };
  } catch (error) {
    return failedOutcomeOf(error, call.timeoutSeconds);
  }
}

function failedOutcomeOf(error: unknown, timeoutSeconds: number): FailedOutcome {
  if (!(error instanceof OutgoingHttpError)) throw error;
  switch (error.code) {
    case 'TIMEOUT':
      return { status: 'TIMED_OUT', error: `The run did not finish within its timeout of ${timeoutSeconds} s`, retryable: true };
    case 'REFUSED_ADDRESS':
      return { status: 'FAILED', error: `The platform may not call this endpoint: ${error.message}`, retryable: false };
    case 'REDIRECT':
      return { status: 'FAILED', error: error.message, retryable: false };
    case 'TOO_LARGE':
      return { status: 'FAILED', error: `The algorithm's output is too large: ${error.message}`, retryable: false };
    default:
      return { status: 'FAILED', error: `Could not reach the algorithm's endpoint: ${error.message}`, retryable: true };
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
