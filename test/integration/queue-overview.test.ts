import { CreateQueueCommand, DeleteQueueCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { describe, expect, it } from 'vitest';
import { listQueueOverview, type QueueOverviewRow } from '@/lib/admin/list-queue-overview';
import { createQueueReadoutCaches, readoutKey } from '@/lib/admin/queue-readout-cache';
import { deadLetter } from '../support/dead-letters';
import { createOwnedFlow } from '../support/event-flows';
import { createEndedRuns, uniqueName } from '../support/factories';
import { useQueueTestContext } from '../support/queue-test-context';
import { createQueueWithDlq } from '../support/sqs';

describe('the admin overview of every flow’s queues', () => {
  const queues = useQueueTestContext();

  const flowFor = async (queueUrl: string, kind: 'BROKER' | 'LISTENER' = 'BROKER', enabled = true) => (await createOwnedFlow(queues.t.db, queueUrl, kind, { enabled })).flow;

  const rowOf = (rows: QueueOverviewRow[], flowId: string) => rows.find((row) => row.flowId === flowId)!;

  it('shows each queue’s counts, its DLQ’s depth and the age of its oldest message, with totals', async () => {
    const queue = await createQueueWithDlq(queues.sqs, { maxReceiveCount: 1 });
    await deadLetter(queues.sqs, queue, ['a', 'b', 'c']);
    await queues.sqs.send(new SendMessageCommand({ QueueUrl: queue.queueUrl, MessageBody: 'waiting' }));
    await queues.sqs.send(new SendMessageCommand({ QueueUrl: queue.queueUrl, MessageBody: 'later', DelaySeconds: 60 }));
    const broker = await flowFor(queue.queueUrl);
    // A paused one may share the queue (one queue feeds one enabled flow).
    const listener = await flowFor(queue.queueUrl, 'LISTENER', false);

    const overview = await listQueueOverview(queues.t.db, queues.access, createQueueReadoutCaches());

    const row = rowOf(overview.rows, broker.id);
    expect(row).toMatchObject({ kind: 'BROKER', queueName: queue.name });
    expect(row.algorithm).toMatch(/^user[0-9a-f]+\/algo[0-9a-f]+$/);
    expect(row.readout.source).toMatchObject({ ok: true, visible: 1, inFlight: 0, delayed: 1, maxReceiveCount: 1 });
    expect(row.readout.dlq).toMatchObject({ ok: true, url: queue.dlqUrl, name: `${queue.name}-dlq`, depth: 3 });
    const dlq = row.readout.dlq?.ok ? row.readout.dlq : undefined;
    expect(dlq?.oldestMessage).toMatchObject({ ok: true, lowerBound: false });
    expect(dlq?.oldestMessage?.ok && dlq.oldestMessage.ageSeconds).toBeLessThan(120);
    expect(rowOf(overview.rows, listener.id)).toMatchObject({ kind: 'LISTENER', readout: { dlq: { depth: 3 } } });
    // Two flows on one queue: its messages count once.
    expect(overview.totals).toMatchObject({ connections: 2, withProblems: 0, visible: 1, delayed: 1, dlqDepth: 3 });
    expect(overview.local).toBe(true);
  });

  it('counts each flow’s dead runs (DEAD and EXPIRED) beside its DLQ depth', async () => {
    const queue = await createQueueWithDlq(queues.sqs, { maxReceiveCount: 1 });
    const { flow, algorithm } = await createOwnedFlow(queues.t.db, queue.queueUrl);
    const quiet = await flowFor(queue.queueUrl, 'LISTENER', false);
    await createEndedRuns(queues.t.db, algorithm, 'DEAD', 2, { eventFlowId: flow.id });
    await createEndedRuns(queues.t.db, algorithm, 'EXPIRED', 1, { eventFlowId: flow.id });
    await createEndedRuns(queues.t.db, algorithm, 'FAILED', 4, { eventFlowId: flow.id });

    const overview = await listQueueOverview(queues.t.db, queues.access, createQueueReadoutCaches());

    expect(rowOf(overview.rows, flow.id).deadRuns).toBe(3);
    expect(rowOf(overview.rows, quiet.id).deadRuns).toBe(0);
    expect(overview.totals.deadRuns).toBeGreaterThanOrEqual(3);
  });

  it('says why a row cannot be read, and still shows the others', async () => {
    const gone = await queues.sqs.send(new CreateQueueCommand({ QueueName: uniqueName('gone-') }));
    await queues.sqs.send(new DeleteQueueCommand({ QueueUrl: gone.QueueUrl }));
    const plain = await queues.sqs.send(new CreateQueueCommand({ QueueName: uniqueName('plain-') }));
    const missingFlow = await flowFor(gone.QueueUrl!);
    const plainFlow = await flowFor(plain.QueueUrl!);

    const overview = await listQueueOverview(queues.t.db, queues.access, createQueueReadoutCaches());

    const missing = rowOf(overview.rows, missingFlow.id).readout;
    expect(missing.source).toMatchObject({ ok: false, problem: { code: 'QUEUE_NOT_FOUND' } });
    expect(missing.dlq).toBeNull();
    const noDlq = rowOf(overview.rows, plainFlow.id).readout;
    expect(noDlq.source).toMatchObject({ ok: true, visible: 0 });
    expect(noDlq.dlq).toMatchObject({ ok: false, problem: { code: 'NO_REDRIVE_POLICY' } });
    expect(overview.totals.withProblems).toBe(2);
    expect(overview.rows.length).toBeGreaterThanOrEqual(4);
  });

  it('reads each queue once per cache period, however many ask', async () => {
    const queue = await createQueueWithDlq(queues.sqs);
    const flow = await flowFor(queue.queueUrl);
    const caches = createQueueReadoutCaches();
    const visibleNow = async () => {
      const { rows } = await listQueueOverview(queues.t.db, queues.access, caches);
      const source = rowOf(rows, flow.id).readout.source;
      return source.ok ? source.visible : undefined;
    };

    expect(await visibleNow()).toBe(0);
    await queues.sqs.send(new SendMessageCommand({ QueueUrl: queue.queueUrl, MessageBody: 'new' }));
    const [first, second] = await Promise.all([visibleNow(), visibleNow()]);
    expect([first, second]).toEqual([0, 0]); // still the cached reading

    caches.readouts.delete(readoutKey(flow));
    expect(await visibleNow()).toBe(1);
  });
});
