import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

export type MessageEvent = 'received' | 'accepted' | 'requeued' | 'failed' | 'filtered';

/** The worker's Prometheus metrics, registered on the given registry. */
export function createWorkerMetrics(registry: Registry) {
  const registers = [registry];
  const perFlow = (event: MessageEvent, help: string) =>
    new Counter({ name: `event_flows_messages_${event}_total`, help, labelNames: ['flow'] as const, registers });
  return {
    messages: {
      received: perFlow('received', 'Messages received from the flow\'s queue.'),
      accepted: perFlow('accepted', 'Messages the algorithm API queued a run for (then deleted).'),
      requeued: perFlow('requeued', 'Messages answered 429 and requeued after the requeue delay.'),
      failed: perFlow('failed', 'Messages whose dispatch failed (left for SQS to redeliver).'),
      filtered: perFlow('filtered', 'Messages no filter pattern of the flow matched (deleted without a run).'),
    } satisfies Record<MessageEvent, Counter<'flow'>>,
    ackFailures: new Counter({
      name: 'event_flows_ack_failures_total',
      help: 'Deletes or requeues SQS did not carry out (the message will be delivered again).',
      labelNames: ['flow', 'action'] as const,
      registers,
    }),
    dispatchSeconds: new Histogram({
      name: 'event_flows_dispatch_duration_seconds',
      help: 'Time from dispatching a message to the algorithm API until its answer.',
      labelNames: ['outcome'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    inFlight: new Gauge({ name: 'event_flows_in_flight_messages', help: 'Messages being dispatched.', labelNames: ['flow'] as const, registers }),
    waiting: new Gauge({
      name: 'event_flows_waiting_for_room',
      help: "1 while a flow does not poll because the platform's backlog is full.",
      labelNames: ['flow'] as const,
      registers,
    }),
    pollers: new Gauge({ name: 'event_flows_pollers', help: 'Long polls running per flow.', labelNames: ['flow'] as const, registers }),
    leasedFlows: new Gauge({ name: 'event_flows_leased_flows', help: 'Flows this worker process holds.', registers }),
  };
}

export type WorkerMetrics = ReturnType<typeof createWorkerMetrics>;
