import { describe, expect, it } from 'vitest';
import { flowMessagesUrl } from './dispatcher';

describe('flow messages URL', () => {
  it("names the flow under the platform's base URL, keeping a base path", () => {
    expect(flowMessagesUrl('http://localhost:3000', 'flow-1')).toBe('http://localhost:3000/v1/event-flows/flow-1/messages');
    expect(flowMessagesUrl('https://platform.example/api/', 'flow-1')).toBe('https://platform.example/api/v1/event-flows/flow-1/messages');
  });
});
