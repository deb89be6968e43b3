import { jsonStorageProblem } from '@/lib/runs/json-storage-problem';

export interface MessageInput {
  input: unknown;
  /** Set when the body is JSON the run cannot keep as JSON, so it runs as its raw text. */
  inputNote?: string;
}

/**
 * A message body is the algorithm's input: parsed JSON when it is valid JSON that
 * PostgreSQL can store, else the string (with a note saying why, shown on the run).
 */
export function messageInput(body: string): MessageInput {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body) as unknown;
  } catch {
    return { input: body };
  }
  const problem = jsonStorageProblem(parsed);
  if (!problem) return { input: parsed };
  return { input: body, inputNote: `The message body is JSON that PostgreSQL cannot store (${problem}), so the run's input is the body as a string` };
}
