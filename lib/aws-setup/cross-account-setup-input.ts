import { z } from 'zod';

// The values that fill in the Scenario #2 documents (a queue in another AWS account
// than the platform's): the queue's account, region and name, the role's name there,
// and the platform's account; and the user's external ID (the platform's, never chosen),
// which the trust relationship always requires.

const ACCOUNT_NUMBER = /^\d{12}$/;
const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;
const QUEUE_NAME = /^(?:[A-Za-z0-9_-]{1,80}|[A-Za-z0-9_-]{1,75}\.fifo)$/;
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;

const accountNumber = z.string().trim().regex(ACCOUNT_NUMBER, 'A 12-digit AWS account number');
const queueName = z.string().trim().regex(QUEUE_NAME, 'Up to 80 letters, digits, "-" or "_" (FIFO queue names end in .fifo)');
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema.optional());

export const crossAccountSetupSchema = z.object({
  queueAccountId: accountNumber,
  region: z.string().trim().regex(REGION, 'An AWS region, like us-west-2'),
  queueName,
  roleName: z.string().trim().regex(ROLE_NAME, 'Up to 64 letters, digits or + = , . @ _ -'),
  platformAccountId: accountNumber,
  dlqName: optional(queueName),
  // Destinations (docs/destinations.md): queues of the same account the role may send to.
  outputQueueName: optional(queueName),
  failureQueueName: optional(queueName),
  externalId: z.string().trim().regex(EXTERNAL_ID, 'Your external ID, as shown on this page'),
});

export type CrossAccountSetup = z.output<typeof crossAccountSetupSchema>;
export type CrossAccountSetupValues = z.input<typeof crossAccountSetupSchema>;
