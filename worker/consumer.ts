import type { Message } from '@aws-sdk/client-sqs';
import type { Logger } from '@/lib/logger';
import type { ReceiveMessages } from '@/lib/sqs/create-message-receiver';
import type { LeanSqsCall } from '@/lib/sqs/lean-sqs-call';
import { describeAwsError } from '@/lib/sqs/describe-aws-error';
import { MAX_MESSAGES_PER_CALL } from '@/lib/flow-messages/flow-messages-input';
import { createAckBatcher } from './ack-batcher';
import { createAdmissionGate } from './admission-gate';
import { backoffDelay, sleepUnlessAborted } from '@/lib/async/backoff';
import type { WorkerConfig } from './config';
import type { DispatchAnswer, DispatchResult } from './dispatcher';
import type { FlowCounters } from './flow-counters';
import type { FlowStatus } from './flow-status';
import { createInFlightSlots } from './in-flight-slots';
import type { WorkerMetrics } from './metrics';
import { createRefusalGate } from './refusal-gate';
import type { FlowTarget } from './sql/load-flow-targets';

const WAIT_TIME_SECONDS = 20;
// While waiting for backlog room, or for a refused flow to be able to run, with no NOTIFY:
// how often the database is read again.
const RECHECK_MS = 5_000;

export interface ConsumerDeps {
  config: WorkerConfig;
  /** Lean SQS calls on the client shared with the flows of the same region and role (the worker owns it): the deletes and requeues. */
  call: LeanSqsCall;
  /** ReceiveMessage through the same (for long polls). */
  receive: ReceiveMessages;
  /** Hands one received batch to the flow entry (worker/admit-batch.ts, or the algorithm API over HTTP): one result per message. */
  dispatch(messages: Message[], abandon: AbortSignal): Promise<DispatchAnswer>;
  status: FlowStatus;
  /** How many messages of this flow the platform would admit now. */
  probeRoom(): Promise<number>;
  /** Why this flow cannot run now (no version to run, paused, gone), or null when it can. */
  probeRefusal(): Promise<string | null>;
  counters: FlowCounters;
  metrics: WorkerMetrics;
  logger: Logger;
}

export interface Consumer {
  /**
   * Starts no new poll and cancels the running ones (or, with `finishPolls`, lets them
   * answer and dispatches what they bring), waits for in-flight dispatches up to the
   * shutdown grace (then abandons them: SQS redelivers those), and sends the pending
   * deletes and requeues. Calling it again without `finishPolls` cancels the polls.
   */
  stop(options?: { finishPolls?: boolean }): Promise<void>;
  /** Runs moved (capacity may have freed): a flow waiting for room checks again. */
  wake(): void;
  /** The flow changed (e.g. its algorithm's versions): read again whether it can run. */
  recheck(): void;
}

// Why finishing polls matters: SQS may still hand messages to a long poll the client has
// cancelled; those stay invisible until the queue's visibility timeout. Nothing is lost,
// but a hand-over to another worker should not delay messages, so it lets polls finish.

/**
 * The SQS consumer of one flow: one long poll while the queue is idle, more (up to
 * maxPollersPerFlow) while polls come back full, at most maxInFlightPerFlow messages
 * being dispatched. Each received batch is one call of the algorithm API; each of its
 * messages is settled on its own answer.
 */
export function startConsumer(flow: FlowTarget, deps: ConsumerDeps): Consumer {
  const { config, call, status, counters, metrics } = deps;
  const log = deps.logger.child({ flowId: flow.id });
  const noNewPolls = new AbortController();
  const polling = new AbortController();
  const abandon = new AbortController();
  const slots = createInFlightSlots(config.maxInFlightPerFlow);
  const pollers = new Set<Promise<void>>();
  const dispatches = new Set<Promise<void>>();
  const acks = createAckBatcher({
    call,
    queueUrl: flow.queueUrl,
    requeueDelaySeconds: config.requeueDelaySeconds,
    logger: log,
    onFailure: (action, count) => metrics.ackFailures.inc({ flow: flow.id, action }, count),
  });
  const gate = createAdmissionGate({
    probe: deps.probeRoom,
    recheckMs: RECHECK_MS,
    onWaiting(waiting) {
      metrics.waiting.set({ flow: flow.id }, waiting ? 1 : 0);
      if (waiting) status.waiting();
      else if (refusals.refusal() === null) status.active();
      log.info(waiting ? "the platform's backlog is full; polling paused until it has room" : 'backlog has room; polling resumed');
    },
  });
  // The status follows the last dispatch's answer, not only the queue's: a flow the flow
  // entry refuses is ERROR with the reason, and polls no more until it can run.
  const refusals = createRefusalGate({
    probe: deps.probeRefusal,
    recheckMs: RECHECK_MS,
    onChange(reason) {
      if (reason === null) {
        status.active();
        log.info('the flow can run again; polling resumed');
      } else {
        status.error(reason);
        log.warn({ reason }, 'the flow cannot run; polling stopped until it can (messages wait in the queue)');
      }
    },
  });
  // Dispatches in a row that failed: the next polls wait longer, so an unavailable
  // platform does not churn through the whole backlog.
  let failedInARow = 0;
  // Until a receive has succeeded, polls are short: an idle but healthy queue shows
  // ACTIVE at once, not after a 20-second wait.
  let queueAnswered = false;

  const addPoller = () => {
    const poller = pollLoop()
      .catch(async (error: unknown) => {
        log.error({ err: error }, 'poller failed');
        await sleepUnlessAborted(config.maxBackoffMs, noNewPolls.signal);
      })
      .finally(() => {
        pollers.delete(poller);
        metrics.pollers.set({ flow: flow.id }, pollers.size);
        // Pollers end on stop or when others remain; a consumer never stops silently.
        if (pollers.size === 0 && !noNewPolls.signal.aborted) addPoller();
      });
    pollers.add(poller);
    metrics.pollers.set({ flow: flow.id }, pollers.size);
  };

  async function pollLoop(): Promise<void> {
    for (let errorsInARow = 0; !noNewPolls.signal.aborted; ) {
      if (failedInARow > 0) await sleepUnlessAborted(backoffDelay(failedInARow, config.maxBackoffMs), noNewPolls.signal);
      if (!(await refusals.waitUntilRunnable(noNewPolls.signal))) return;
      const admissible = await gate.reserve(MAX_MESSAGES_PER_CALL, noNewPolls.signal);
      if (admissible === 0) return;
      const room = await slots.acquire(admissible, noNewPolls.signal);
      gate.release(admissible - room);
      if (room === 0) return;
      let messages: Message[];
      try {
        messages = await receive(room);
        errorsInARow = 0;
      } catch (error) {
        slots.release(room);
        gate.release(room);
        if (noNewPolls.signal.aborted) return;
        queueAnswered = false;
        const described = describeAwsError(error, { action: 'sqs:ReceiveMessage', resource: flow.queueUrl });
        status.error(described.message);
        // A known condition is logged in plain words; an unexpected one with its stack.
        const details = described.code === 'AWS_ERROR' ? { err: error } : { reason: described.message };
        log[errorsInARow === 0 ? 'warn' : 'debug']({ ...details, code: described.code }, 'receive failed; backing off');
        if (pollers.size > 1) return;
        await sleepUnlessAborted(backoffDelay(++errorsInARow, config.maxBackoffMs), noNewPolls.signal);
        continue;
      }
      queueAnswered = true;
      if (refusals.refusal() === null) status.active();
      slots.release(room - messages.length);
      gate.release(room - messages.length);
      if (messages.length > 0) track(handleBatch(messages), messages.length);
      if (messages.length === MAX_MESSAGES_PER_CALL && pollers.size < config.maxPollersPerFlow) addPoller();
      if (messages.length === 0 && pollers.size > 1) return;
    }
  }

  async function receive(max: number): Promise<Message[]> {
    const messages = await deps.receive(
      { queueUrl: flow.queueUrl, maxMessages: max, waitTimeSeconds: queueAnswered ? WAIT_TIME_SECONDS : 0 },
      polling.signal,
    );
    counters.count(flow.id, 'received', messages.length);
    return messages;
  }

  function track(handling: Promise<DispatchAnswer>, size: number) {
    const settled = handling
      .then(
        (answer) => gate.answered(size, answer),
        (error: unknown) => {
          gate.answered(size, {});
          log.error({ err: error }, 'message handling failed; SQS will redeliver the messages');
        },
      )
      .finally(() => {
        dispatches.delete(settled);
        slots.release(size);
        metrics.inFlight.set({ flow: flow.id }, slots.used);
      });
    dispatches.add(settled);
    metrics.inFlight.set({ flow: flow.id }, slots.used);
  }

  async function handleBatch(messages: Message[]): Promise<DispatchAnswer> {
    const startedAt = performance.now();
    const answer = await deps.dispatch(messages, abandon.signal);
    const seconds = (performance.now() - startedAt) / 1000;
    answer.results.forEach((result, index) => {
      metrics.dispatchSeconds.observe({ outcome: result.outcome }, seconds);
      settle(messages[index]!, result);
    });
    return answer;
  }

  function settle(message: Message, result: DispatchResult): void {
    const messageLog = () => log.child({ messageId: message.MessageId, receiveCount: message.Attributes?.ApproximateReceiveCount });
    if (result.outcome === 'accepted') {
      failedInARow = 0;
      refusals.accepted();
      counters.count(flow.id, 'accepted');
      acks.deleteMessage(message);
    } else if (result.outcome === 'filtered') {
      // No filter pattern matched (issue 15): deleted without a run.
      counters.count(flow.id, 'filtered');
      acks.deleteMessage(message);
    } else if (result.outcome === 'throttled') {
      counters.count(flow.id, 'requeued');
      acks.requeueMessage(message);
      messageLog().info({ requeueDelaySeconds: config.requeueDelaySeconds }, 'platform over capacity; message requeued');
    } else if (result.outcome === 'refused') {
      // Left for SQS, like a failure; the gate stops further polls until the flow can run.
      counters.count(flow.id, 'failed');
      refusals.refused(result.reason);
      messageLog().info({ reason: result.reason }, 'the flow cannot run; SQS will redeliver the message');
    } else if (result.outcome === 'failed') {
      failedInARow++;
      counters.count(flow.id, 'failed');
      messageLog().warn({ reason: result.reason }, 'dispatch failed; SQS will redeliver the message');
    } else {
      messageLog().info('dispatch abandoned at shutdown; SQS will redeliver the message');
    }
  }

  status.starting();
  addPoller();
  log.info({ queueUrl: flow.queueUrl }, 'consumer started');

  let stopping: Promise<void> | undefined;
  return {
    stop({ finishPolls = false } = {}) {
      noNewPolls.abort();
      if (!finishPolls) polling.abort();
      stopping ??= (async () => {
        while (pollers.size > 0) await Promise.allSettled([...pollers]);
        const giveUp = setTimeout(() => abandon.abort(), config.shutdownGraceMs);
        while (dispatches.size > 0) await Promise.allSettled([...dispatches]);
        clearTimeout(giveUp);
        await acks.flush();
        await status.settled();
        metrics.pollers.remove({ flow: flow.id });
        metrics.inFlight.remove({ flow: flow.id });
        metrics.waiting.remove({ flow: flow.id });
        log.info('consumer stopped');
      })();
      return stopping;
    },
    wake: () => gate.wake(),
    recheck: () => refusals.recheck(),
  };
}
