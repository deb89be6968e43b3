import { z } from 'zod';

// The worker ↔ platform batch protocol of the flow entry (POST /v1/event-flows/{id}/messages):
// the web app validates requests with this schema and the worker builds them from its
// types, so both sides share one definition.

/** SQS's own limits: at most 10 messages per receive, at most 256 KiB per body. */
export const MAX_MESSAGES_PER_CALL = 10;
const MAX_BODY_CHARS = 256 * 1024;

/** What the worker sends for one received batch: each message's SQS id, raw body and, for FIFO queues, its order. */
export const flowMessagesInput = z.object({
  messages: z
    .array(
      z.object({
        id: z.string().min(1).max(128),
        body: z.string().max(MAX_BODY_CHARS),
        groupId: z.string().min(1).max(128).optional(),
        sequenceNumber: z.string().regex(/^\d{1,40}$/).optional(),
      }),
    )
    .min(1)
    .max(MAX_MESSAGES_PER_CALL),
});

export type FlowMessage = z.infer<typeof flowMessagesInput>['messages'][number];

/**
 * The answer for one message: 200 its run is durably queued (or already was), 200 with
 * `filtered` when no filter pattern matched it (no run: delete it), 429 no room.
 */
export type FlowMessageResult =
  | { id: string; status: 200; runId: string }
  | { id: string; status: 200; filtered: true }
  | { id: string; status: 429; error: string };

/** The answer for a batch. */
export interface FlowMessagesAnswer {
  results: FlowMessageResult[];
  /** How many more messages of this flow would be admitted now: the worker receives no more than that. */
  room: number;
  /** Set when a message got 429: when to try again (also the response's Retry-After). */
  retryAfterSeconds?: number;
}
