import { CreateQueueCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { describe, expect, it } from 'vitest';
import { findOperableFlow } from '@/lib/redrive/find-operable-flow';
import { listRedriveTasks } from '@/lib/redrive/list-redrive-tasks';
import { peekDeadLetters } from '@/lib/redrive/peek-dead-letters';
import { startRedrive } from '@/lib/redrive/start-redrive';
import { deadLetter } from '../support/dead-letters';
import { queueDepth } from '../support/sqs-messages';
import { createOwnedFlow } from '../support/event-flows';
import { createUser, uniqueName } from '../support/factories';
import { useQueueTestContext } from '../support/queue-test-context';
import { createQueueWithDlq } from '../support/sqs';

describe('redriving a flow’s dead-letter queue', () => {
  const queues = useQueueTestContext();

  const flowOn = (queueUrl: string) => createOwnedFlow(queues.t.db, queueUrl);

  async function receiveAll(queueUrl: string) {
    const { Messages: messages = [] } = await queues.sqs.send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1, MessageAttributeNames: ['All'] }),
    );
    return messages;
  }

  it('moves every DLQ message back to the source queue, body and attributes intact', async () => {
    const queue = await createQueueWithDlq(queues.sqs, { maxReceiveCount: 1 });
    await deadLetter(queues.sqs, queue, ['{"n":0}', '{"n":1}', '{"n":2}'], { trace: { DataType: 'String', StringValue: 'checkout' } });
    expect((await queueDepth(queues.sqs, queue.dlqUrl)).total).toBe(3);
    const { flow } = await flowOn(queue.queueUrl);

    // The emulator has no message move tasks; local mode moves the messages itself.
    const { method, task } = await startRedrive(flow, queues.access);
    expect(method).toBe('direct');
    expect(task).toMatchObject({ status: 'COMPLETED', moved: 3, toMove: 3, failureReason: null });

    expect((await queueDepth(queues.sqs, queue.dlqUrl)).total).toBe(0);
    const back = await receiveAll(queue.queueUrl);
    expect(back.map((message) => message.Body).sort()).toEqual(['{"n":0}', '{"n":1}', '{"n":2}']);
    expect(back.map((message) => message.MessageAttributes?.trace?.StringValue)).toEqual(['checkout', 'checkout', 'checkout']);
    expect(await listRedriveTasks(flow, queues.access)).toEqual({ method: 'direct', tasks: [] });
  });

  it('peeks at DLQ messages without taking them', async () => {
    const queue = await createQueueWithDlq(queues.sqs, { maxReceiveCount: 2 });
    await deadLetter(queues.sqs, queue, ['first', 'second']);
    const { flow } = await flowOn(queue.queueUrl);

    const peek = await peekDeadLetters(flow, queues.access);

    expect(peek.dlqUrl).toBe(queue.dlqUrl);
    expect(peek.messages.map((message) => message.body).sort()).toEqual(['first', 'second']);
    for (const message of peek.messages) {
      expect(Date.parse(message.sentAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
      expect(message.receiveCount).toBeGreaterThanOrEqual(3); // two failed receives, the peek
    }
    expect((await queueDepth(queues.sqs, queue.dlqUrl)).total).toBe(2);
  });

  it('refuses a queue without a redrive policy, in plain words', async () => {
    const plain = await queues.sqs.send(new CreateQueueCommand({ QueueName: uniqueName('plain-') }));
    const { flow } = await flowOn(plain.QueueUrl!);
    await expect(startRedrive(flow, queues.access)).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/no redrive policy/) });
    await expect(peekDeadLetters(flow, queues.access)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('is the algorithm’s owner’s; admins may read the flow but not act with its role; anyone else sees no such flow', async () => {
    const queue = await createQueueWithDlq(queues.sqs);
    const { owner, flow } = await flowOn(queue.queueUrl);
    const stranger = await createUser(queues.t.db);
    const admin = await createUser(queues.t.db, { role: 'ADMIN' });

    for (const intent of ['read', 'act'] as const) {
      expect((await findOperableFlow(queues.t.db, { id: owner.id, isAdmin: false }, flow.id, intent)).id).toBe(flow.id);
      await expect(findOperableFlow(queues.t.db, { id: stranger.id, isAdmin: false }, flow.id, intent)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(findOperableFlow(queues.t.db, { id: owner.id, isAdmin: false }, 'no-such-flow', intent)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    expect((await findOperableFlow(queues.t.db, { id: admin.id, isAdmin: true }, flow.id, 'read')).id).toBe(flow.id);
    await expect(findOperableFlow(queues.t.db, { id: admin.id, isAdmin: true }, flow.id, 'act')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
