import { z } from 'zod';

// The worker ↔ platform batch protocol of the flow entry (POST /v1/event-flows/{id}/messages):
// the web app validates requests with this schema and the worker builds them from its
// types, so both sides share one definition.

/** SQS's own limits: at most 10 messages per receive, at most 1 MiB per body (SQS's maximum since 2025). */
export const MAX_MESSAGES_PER_CALL = 10;
export const MAX_MESSAGE_BODY_BYTES = 1024 * 1024;
/**
 * The largest request of the flow entry: ten bodies as JSON strings plus their ids and
 * the framing. JSON at most doubles a body SQS accepts: SQS refuses the control
 * characters JSON would write as \uXXXX, so each character needs at most one backslash.
 */
export const MAX_FLOW_ENTRY_BYTES = MAX_MESSAGES_PER_CALL * 2 * MAX_MESSAGE_BODY_BYTES + 64 * 1024;

/** One message: its SQS id, raw body and, for FIFO queues, its order. Checked one by one, so one bad message fails only itself. */
export const flowMessageInput = z.object({
  id: z.string().min(1).max(128),
  body: z.string().refine((body) => Buffer.byteLength(body) <= MAX_MESSAGE_BODY_BYTES, `A message body may hold at most ${MAX_MESSAGE_BODY_BYTES} bytes`),
  groupId: z.string().min(1).max(128).optional(),
  sequenceNumber: z.string().regex(/^\d{1,40}$/).optional(),
});

/** What the worker sends for one received batch; each message is then checked with flowMessageInput. */
export const flowMessagesInput = z.object({
  messages: z.array(z.unknown()).min(1).max(MAX_MESSAGES_PER_CALL),
});

export type FlowMessage = z.infer<typeof flowMessageInput>;

/**
 * The answer for one message: 200 its run is durably queued (or already was), 200 with
 * `filtered` when no filter pattern matched it (no run: delete it), 429 no room, 400 the
 * message itself is unusable (SQS redelivers it and, in the end, moves it to the DLQ).
 */
export type FlowMessageResult =
  | { id: string; status: 200; runId: string }
  | { id: string; status: 200; filtered: true }
  | { id: string; status: 429; error: string }
  | { id: string; status: 400; error: string };

/** The answer for a batch. */
export interface FlowMessagesAnswer {
  results: FlowMessageResult[];
  /** How many more messages of this flow would be admitted now: the worker receives no more than that. */
  room: number;
  /** Set when a message got 429: when to try again (also the response's Retry-After). */
  retryAfterSeconds?: number;
}
