import { AppError } from '@/lib/errors';
import { jsonStorageProblem } from '@/lib/runs/json-storage-problem';

/** The run's input: parsed JSON when the body says it is JSON, else the body as a string. */
export function readAlgoInput(contentType: string | null, body: string): unknown {
  const isJson = /^application\/json\b/i.test(contentType?.trim() ?? '');
  let input: unknown = body;
  if (isJson) {
    try {
      input = JSON.parse(body) as unknown;
    } catch {
      throw new AppError('BAD_REQUEST', 'The input is not valid JSON (the request says Content-Type: application/json)');
    }
  }
  // The caller chose the content type, so say what is wrong rather than run something else.
  const problem = jsonStorageProblem(input);
  if (problem) throw new AppError('BAD_REQUEST', `The input cannot be stored: ${problem}`);
  return input;
}
