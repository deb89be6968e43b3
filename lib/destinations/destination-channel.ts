/**
 * NOTIFYed (at commit) by every statement that queues destination messages, so the
 * worker's sender sends them at once rather than at its next poll (worker/destination-sender.ts).
 */
export const DESTINATIONS_QUEUED_CHANNEL = 'destination_messages_queued';

/** SQS's largest message (the body, in UTF-8 bytes); a bigger body is not sent. */
export const MAX_DESTINATION_BODY_BYTES = 256 * 1024;
