import {
  ReceiveMessageCommand,
  SendMessageCommand,
  type MessageAttributeValue,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { queueDepth } from './sqs-messages';

/**
 * Sends `bodies` to the queue, then receives them again and again without deleting them
 * (as a consumer whose every attempt fails), until SQS has moved them all to the DLQ.
 */
export async function deadLetter(
  sqs: SQSClient,
  queue: { queueUrl: string; dlqUrl: string },
  bodies: string[],
  attributes?: Record<string, MessageAttributeValue>,
): Promise<void> {
  const before = (await queueDepth(sqs, queue.dlqUrl)).total;
  for (const body of bodies) await sqs.send(new SendMessageCommand({ QueueUrl: queue.queueUrl, MessageBody: body, MessageAttributes: attributes }));
  for (let attempt = 0; attempt < 200; attempt++) {
    if ((await queueDepth(sqs, queue.dlqUrl)).total >= before + bodies.length) return;
    await sqs.send(new ReceiveMessageCommand({ QueueUrl: queue.queueUrl, MaxNumberOfMessages: 10, VisibilityTimeout: 0, WaitTimeSeconds: 0 }));
  }
  throw new Error(`SQS did not move ${bodies.length} message(s) to ${queue.dlqUrl}`);
}
