import { compileFilters } from '@/lib/flow-filters/compile-filters';
import { matchesFilters } from '@/lib/flow-filters/match-filters';
import type { FlowMessage, FlowMessageResult } from './flow-messages-input';

/**
 * Splits a batch by the flow's filters: the messages to admit, and `answer`, which puts
 * the admitted ones' results back in the batch's order between the filtered ones.
 */
export function splitFilteredMessages(storedFilters: unknown, messages: FlowMessage[]) {
  const filters = compileFilters(storedFilters);
  const passes = messages.map((message) => matchesFilters(filters, message.body));
  const toAdmit = messages.filter((_, index) => passes[index]);
  const answer = (admitted: FlowMessageResult[]): FlowMessageResult[] => {
    let next = 0;
    return messages.map((message, index) => (passes[index] ? admitted[next++]! : { id: message.id, status: 200, filtered: true }));
  };
  return { toAdmit, answer };
}
