import { z } from 'zod';

/** Amazon SQS's largest message: 1 MiB. */
export const MAX_TEST_MESSAGE_BYTES = 1024 * 1024;

/**
 * The Send test message request: the body as a JSON string, which at most doubles it
 * (quotes, backslashes, tabs and new lines; SQS takes no other control characters), in
 * a small envelope.
 */
export const MAX_TEST_MESSAGE_REQUEST_BYTES = 2 * MAX_TEST_MESSAGE_BYTES + 64 * 1024;

/** The Send test message dialog's body: any text (JSON or not), 1 byte to 1 MiB in UTF-8. */
export const testMessageInput = z.object({
  body: z
    .string({ error: 'Enter a message body' })
    .refine((body) => body.length > 0, 'Enter a message body')
    // TextEncoder: the dialog checks with this schema in the browser too.
    .refine((body) => new TextEncoder().encode(body).length <= MAX_TEST_MESSAGE_BYTES, 'A message body is at most 1 MiB'),
});
