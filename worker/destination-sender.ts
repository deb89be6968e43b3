import { Counter, type Registry } from 'prom-client';
import type { Db } from '@/lib/db/client';
import { batchDestinationSends } from '@/lib/destinations/batch-destination-sends';
import { DESTINATIONS_QUEUED_CHANNEL } from '@/lib/destinations/destination-channel';
import { sendDestinationBatch, type SendPolicy } from '@/lib/destinations/send-destination-batch';
import { mapWithConcurrency } from '@/lib/async/map-with-concurrency';
import type { Logger } from '@/lib/logger';
import type { LeanSqsCall } from '@/lib/sqs/lean-sqs-call';
import type { SharedSqsClient, SharedSqsClients } from '@/lib/sqs/shared-sqs-clients';
import { listenForNotifications } from './notifications';
import { startReconciler } from './reconciler';
import { claimDestinationMessages, type ClaimedDestinationMessage } from './sql/claim-destination-messages';
import { recordDestinationSends } from './sql/record-destination-sends';

export interface DestinationSenderOptions {
  db: Db;
  databaseUrl: string;
  /** The worker's clients (one per region and role); the sender holds those it used until it stops. */
  sqsClients: SharedSqsClients;
  registry: Registry;
  /** A claimed message is another sender's to send again when this one has not recorded it by then. */
  leaseMs: number;
  /** The fallback poll (retries that came due, a missed notification). */
  pollIntervalMs: number;
  policy: SendPolicy;
  logger: Logger;
}

export interface DestinationSender {
  /** Send what is due now (e.g. after a resend). */
  wake(): void;
  /** Ends the pass in progress and stops. Idempotent. */
  stop(): Promise<void>;
}

// Messages per claim, and SendMessageBatch calls in flight at once.
const CLAIM_SIZE = 200;
const CONCURRENT_BATCHES = 8;

/**
 * Drains the destinations outbox (lib/destinations): claims due messages, sends them with
 * SendMessageBatch through each flow's role (AssumeRole with the owner's external ID; the
 * emulator in local mode), and records each outcome. Woken by the NOTIFY of the statement
 * that queued them, so a result is sent as soon as its outcome is committed; the poll
 * catches retries that came due. Every worker process runs one; the claim keeps them apart.
 * At least once: a sender that dies after sending and before recording sends again.
 */
export function startDestinationSender({ db, databaseUrl, sqsClients, registry, leaseMs, pollIntervalMs, policy, logger }: DestinationSenderOptions): DestinationSender {
  const sends = new Counter({
    name: 'event_flows_destination_messages_total',
    help: 'Destination messages by flow, kind (success, failure) and outcome (sent, retried, failed).',
    labelNames: ['flow', 'kind', 'outcome'] as const,
    registers: [registry],
  });
  // One client per region and role (its credentials, AssumeRole included), called lean.
  const held = new Map<string, SharedSqsClient>();
  // A send not answered by then is tried again later, well within the claim's lease.
  const sendTimeoutMs = Math.min(10_000, leaseMs / 2);

  function callFor(message: ClaimedDestinationMessage): LeanSqsCall {
    const flow = { id: message.eventFlowId, queueUrl: message.queueUrl, roleArn: message.roleArn, externalId: message.externalId, owner: message.owner };
    const key = sqsClients.keyOf(flow);
    let client = held.get(key);
    if (!client) {
      client = sqsClients.clientFor(flow);
      held.set(key, client);
    }
    return client.call;
  }

  async function sendDue(): Promise<void> {
    for (;;) {
      const claimed = await claimDestinationMessages(db, CLAIM_SIZE, leaseMs);
      if (claimed.length === 0) return;
      const byRun = new Map(claimed.map((message) => [message.runId, message]));
      // One lane per queue: its batches go one after another, in order.
      const lanes = batchDestinationSends(claimed);
      const results = (
        await mapWithConcurrency(lanes, CONCURRENT_BATCHES, async (batches) => {
          const laneResults = [];
          for (const batch of batches) laneResults.push(...(await sendDestinationBatch(callFor(batch[0]!), batch, policy, sendTimeoutMs)));
          return laneResults;
        })
      ).flat();
      await recordDestinationSends(db, results);
      for (const result of results) {
        const message = byRun.get(result.runId)!;
        sends.inc({ flow: message.eventFlowId, kind: message.kind.toLowerCase(), outcome: result.outcome === 'RETRY' ? 'retried' : result.outcome.toLowerCase() });
        if (result.outcome !== 'SENT') logger.warn({ flowId: message.eventFlowId, runId: result.runId, queueUrl: message.queueUrl, error: result.error }, 'destination message not sent');
      }
      if (claimed.length < CLAIM_SIZE) return;
    }
  }

  const reconciler = startReconciler({
    intervalMs: pollIntervalMs,
    reconcile: sendDue,
    onError: () => undefined,
    logger,
    failureMessage: 'sending destination messages failed; trying again at the next pass',
  });
  const notifications = listenForNotifications({
    databaseUrl,
    channels: [DESTINATIONS_QUEUED_CHANNEL],
    onNotification: () => reconciler.trigger(),
    logger,
    maxBackoffMs: policy.maxBackoffMs,
  });
  let stopped: Promise<void> | undefined;
  return {
    wake: () => reconciler.trigger(),
    stop() {
      stopped ??= (async () => {
        await notifications.stop();
        await reconciler.stop();
        for (const client of held.values()) client.release();
        held.clear();
      })();
      return stopped;
    },
  };
}
