import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { Registry } from 'prom-client';
import type { Db } from '@/lib/db/client';
import type { Logger } from '@/lib/logger';
import type { SharedSqsClients } from '@/lib/sqs/shared-sqs-clients';
import type { WorkerConfig } from './config';
import { admitBatch } from './admit-batch';
import { createFlowToRunCache, type FlowToRunCache } from './flow-to-run-cache';
import { startConsumer, type Consumer, type ConsumerDeps } from './consumer';
import { dispatchBatch, flowMessagesUrl } from './dispatcher';
import { startFlowCounters } from './flow-counters';
import { createFlowStatus } from './flow-status';
import { syncLeases } from './leases';
import { createWorkerMetrics } from './metrics';
import { listenForNotifications } from './notifications';
import { startReconciler } from './reconciler';
import { loadFlowTargets, type FlowTarget } from './sql/load-flow-targets';
import { pauseUnleasedDisabledFlows } from './sql/pause-unleased-disabled-flows';
import { releaseLease } from './sql/release-lease';
import { removeWorker } from './sql/remove-worker';
import { readAdmissionRoom } from '@/lib/runs/read-admission-room';
import { RUNS_MOVED_CHANNEL } from '@/lib/runs/run-channels';
import { FLOWS_CHANGED_CHANNEL } from '@/lib/flows/notify-flows-changed';
import { cannotRunReason } from '@/lib/flows/cannot-run-reason';
import { readFlowToRun } from '@/lib/flow-messages/read-flow-to-run';

export interface WorkerDeps {
  db: Db;
  config: WorkerConfig;
  /** Its consumers' clients, one per region and role; the caller destroys them after stop(). */
  sqsClients: SharedSqsClients;
  registry: Registry;
  logger: Logger;
}

export interface WorkerHealth {
  healthy: boolean;
  workerId: string;
  flows: number;
  listening: boolean;
  lastReconcileAt: string | null;
}

export interface Worker {
  id: string;
  health(): WorkerHealth;
  /** Stops every consumer (bounded by the shutdown grace), writes counters, releases leases. Idempotent. */
  stop(): Promise<void>;
}

/**
 * Runs one consumer per event flow this process leases. Each pass (periodic, and on
 * every NOTIFY) renews the leases, takes this process's fair share of the unleased
 * flows, and starts, restarts or stops consumers to match.
 */
export function startWorker(deps: WorkerDeps): Worker {
  const { db, config, logger } = deps;
  const id = `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const log = logger.child({ workerId: id });
  const metrics = createWorkerMetrics(deps.registry);
  const counters = startFlowCounters({ db, intervalMs: config.counterFlushMs, metrics, logger: log });
  const { sqsClients } = deps;
  const running = new Map<string, { fingerprint: string; consumer: Consumer; toRun: FlowToRunCache; releaseClient: () => void }>();
  const releasing = new Set<string>();
  const retiring = new Map<Promise<void>, Consumer | undefined>();
  let leasesRenewedAt = Date.now();

  async function reconcile() {
    const leases = await syncLeases(db, { id, hostname: os.hostname() }, config.leaseMs, releasing);
    leasesRenewedAt = Date.now();
    const targets = await loadFlowTargets(db, leases.kept);
    await pauseUnleasedDisabledFlows(db);
    const wanted = new Map(targets.map((target) => [target.id, target]));
    // Handed over to another process: polls finish first, so no message waits on a cancelled one.
    for (const flowId of leases.overShare) retire(flowId, { release: true, finishPolls: true });
    for (const [flowId, entry] of running) {
      const target = wanted.get(flowId);
      if (!target) retire(flowId, { release: true, finishPolls: false });
      else if (fingerprint(target) !== entry.fingerprint) retire(flowId, { release: false, finishPolls: true });
    }
    for (const target of targets) if (!running.has(target.id)) start(target);
    metrics.leasedFlows.set(running.size);
  }

  // In process by default (one admission module, no HTTP hop); over the algorithm API when configured so.
  const dispatcherFor = (flowId: string, toRun: FlowToRunCache): ConsumerDeps['dispatch'] => {
    if (config.admission === 'in-process') return (messages, abandon) => admitBatch(db, { id: flowId, toRun }, messages, abandon);
    const url = flowMessagesUrl(config.platformApiUrl, flowId);
    return (messages, abandon) => dispatchBatch({ url, workerToken: config.workerToken, messages, timeoutMs: config.dispatchTimeoutMs, abandon });
  };

  function start(target: FlowTarget) {
    const client = sqsClients.clientFor(target);
    const toRun = createFlowToRunCache(db, target.id);
    const consumer = startConsumer(target, {
      config,
      call: client.call,
      receive: client.receive,
      dispatch: dispatcherFor(target.id, toRun),
      status: createFlowStatus({ db, flowId: target.id, workerId: id, logger: log }),
      probeRoom: () => readAdmissionRoom(db, target.id),
      probeRefusal: async () => {
        const flow = await readFlowToRun(db, target.id);
        return flow?.versionId ? null : cannotRunReason(flow);
      },
      counters,
      metrics,
      logger: log,
    });
    running.set(target.id, { fingerprint: fingerprint(target), consumer, toRun, releaseClient: () => client.release() });
  }

  // Paused, deleted, taken over, over this process's share, or changed (restarted
  // without giving up the lease). The lease goes only once the consumer has stopped, so
  // no two processes poll a flow at once.
  function retire(flowId: string, { release, finishPolls }: { release: boolean; finishPolls: boolean }) {
    const entry = running.get(flowId);
    const consumer = entry?.consumer;
    running.delete(flowId);
    if (release) releasing.add(flowId);
    const done = (async () => {
      await consumer?.stop({ finishPolls });
      // A flow that is gone (or moved to another role) does not keep its SQS client alive.
      entry?.releaseClient();
      if (release) await releaseLease(db, flowId, id);
    })()
      .catch((error: unknown) => log.warn({ err: error, flowId }, 'could not release the flow'))
      .finally(() => {
        if (release) releasing.delete(flowId);
        retiring.delete(done);
      });
    retiring.set(done, consumer);
  }

  const reconciler = startReconciler({
    intervalMs: config.reconcileIntervalMs,
    reconcile,
    logger: log,
    onError() {
      // Another process may lease these flows by now: stop rather than poll twice.
      if (Date.now() - leasesRenewedAt <= config.leaseMs || running.size === 0) return;
      log.error({ flows: running.size }, 'leases could not be renewed in time; stopping consumers');
      for (const flowId of [...running.keys()]) retire(flowId, { release: false, finishPolls: false });
    },
  });
  const notifications = listenForNotifications({
    databaseUrl: config.databaseUrl,
    channels: [FLOWS_CHANGED_CHANNEL, RUNS_MOVED_CHANNEL],
    onNotification(channel, payload) {
      if (channel !== FLOWS_CHANGED_CHANNEL) for (const { consumer } of running.values()) consumer.wake();
      if (channel !== RUNS_MOVED_CHANNEL) reconciler.trigger();
      // The payload names the flow changed (e.g. its algorithm lost or gained a version).
      if (channel === FLOWS_CHANGED_CHANNEL && payload) {
        const changed = running.get(payload);
        changed?.toRun.forget();
        changed?.consumer.recheck();
      }
    },
    logger: log,
    maxBackoffMs: config.maxBackoffMs,
  });

  let stopping: Promise<void> | undefined;
  return {
    id,
    health() {
      const last = reconciler.lastSuccessAt();
      return {
        healthy: last !== undefined && Date.now() - last < config.leaseMs,
        workerId: id,
        flows: running.size,
        listening: notifications.listening(),
        lastReconcileAt: last === undefined ? null : new Date(last).toISOString(),
      };
    },
    stop() {
      stopping ??= (async () => {
        await notifications.stop();
        await reconciler.stop();
        for (const flowId of [...running.keys()]) retire(flowId, { release: true, finishPolls: false });
        // Hand-overs in progress cancel their polls too: shutdown is bounded.
        for (const consumer of retiring.values()) void consumer?.stop();
        while (retiring.size > 0) await Promise.allSettled([...retiring.keys()]);
        await counters.stop();
        await removeWorker(db, id).catch((error: unknown) => log.warn({ err: error }, 'could not remove the worker record'));
      })();
      return stopping;
    },
  };
}

function fingerprint(target: FlowTarget): string {
  return JSON.stringify([target.queueUrl, target.roleArn, target.externalId]);
}
