import { z } from 'zod';

/** SQS's own limits: at most 10 messages per receive, at most 256 KiB per body. */
export const MAX_MESSAGES_PER_CALL = 10;
const MAX_BODY_CHARS = 256 * 1024;

/** What the worker sends for one received batch: each message's SQS id and raw body. */
export const flowMessagesInput = z.object({
  messages: z
    .array(z.object({ id: z.string().min(1).max(128), body: z.string().max(MAX_BODY_CHARS) }))
    .min(1)
    .max(MAX_MESSAGES_PER_CALL),
});

export type FlowMessage = z.infer<typeof flowMessagesInput>['messages'][number];

/**
 * The answer for one message: 200 its run is durably queued (or already was), 200 with
 * `filtered` when no filter pattern matched it (no run: delete it), 429 over capacity.
 */
export type FlowMessageResult =
  | { id: string; status: 200; runId: string }
  | { id: string; status: 200; filtered: true }
  | { id: string; status: 429; error: string };
