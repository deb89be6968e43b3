import { AppError } from '@/lib/errors';

/** The run's input: parsed JSON when the body says it is JSON, else the body as a string. */
export function readAlgoInput(contentType: string | null, body: string): unknown {
  if (!/^application\/json\b/i.test(contentType?.trim() ?? '')) return body;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw new AppError('BAD_REQUEST', 'The input is not valid JSON (the request says Content-Type: application/json)');
  }
}
