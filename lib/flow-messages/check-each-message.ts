import { jsonStorageProblem } from '@/lib/runs/json-storage-problem';
import { flowMessageInput, type FlowMessage, type FlowMessageResult } from './flow-messages-input';

/**
 * Each message of a batch checked on its own: the usable ones, and a 400 for each other
 * one that has an id to answer for (one without an id gets no answer, which the worker
 * treats the same way: SQS redelivers it).
 */
export function checkEachMessage(batch: readonly unknown[]): { messages: FlowMessage[]; refused: FlowMessageResult[] } {
  const messages: FlowMessage[] = [];
  const refused: FlowMessageResult[] = [];
  for (const raw of batch) {
    const parsed = flowMessageInput.safeParse(raw);
    const id = (raw as { id?: unknown } | null)?.id;
    // A body that is unusable even as text (SQS itself never delivers such characters).
    const problem = parsed.success ? jsonStorageProblem(parsed.data.body) : (parsed.error.issues[0]?.message ?? 'not a message');
    if (!problem) messages.push(parsed.data!);
    else if (typeof id === 'string' && id !== '') refused.push({ id, status: 400, error: `The message cannot be run: ${problem}` });
  }
  return { messages, refused };
}
