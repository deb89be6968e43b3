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
  id: z.string().min(1).max(128).describe('The SQS message id.'),
  body: z
    .string()
    .refine((body) => Buffer.byteLength(body) <= MAX_MESSAGE_BODY_BYTES, `A message body may hold at most ${MAX_MESSAGE_BODY_BYTES} bytes`)
    .describe('The raw body, at most 1 MiB: the run’s input is its JSON when it is valid JSON PostgreSQL can store, else the string.'),
  groupId: z.string().min(1).max(128).optional().describe('FIFO queues: the MessageGroupId.'),
  sequenceNumber: z
    .string()
    .regex(/^\d{1,40}$/)
    .optional()
    .describe('FIFO queues: the SequenceNumber.'),
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
export const flowMessageResultSchema = z.union([
  z.object({ id: z.string(), status: z.literal(200), runId: z.string().describe('Its run: queued now, or earlier for a message delivered again.') }),
  z.object({ id: z.string(), status: z.literal(200), filtered: z.literal(true).describe('No filter pattern matched: no run; delete the message.') }),
  z.object({ id: z.string(), status: z.literal(429), error: z.string().describe("The platform's backlog is full: requeue the message.") }),
  z.object({ id: z.string(), status: z.literal(400), error: z.string().describe('The message itself is unusable.') }),
]).meta({ id: 'FlowMessageResult' });

/** The answer for a batch. */
export const flowMessagesAnswerSchema = z.object({
  results: z.array(flowMessageResultSchema).describe('One per message.'),
  room: z.number().int().describe('How many more messages of this flow would be admitted now: the worker receives no more than that.'),
  retryAfterSeconds: z.number().int().optional().describe("Set when a message got 429: when to try again (also the answer's Retry-After)."),
}).meta({ id: 'FlowMessagesAnswer' });

export type FlowMessageResult = z.infer<typeof flowMessageResultSchema>;
export type FlowMessagesAnswer = z.infer<typeof flowMessagesAnswerSchema>;
