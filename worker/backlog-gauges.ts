import { Gauge, type Registry } from 'prom-client';

/**
 * The gauges of worker/backlog-metrics.ts, registered on the given registry. Their names are
 * what deploy/ alerts and scales on (deploy/prometheus/alerts.yaml, the KEDA ScaledObject).
 */
export function createBacklogGauges(registry: Registry) {
  const registers = [registry];
  return {
    queuedRuns: new Gauge({ name: 'event_flows_queued_runs', help: 'Runs waiting to execute, platform-wide (the backlog workers scale on).', registers }),
    oldestQueuedRun: new Gauge({ name: 'event_flows_oldest_queued_run_age_seconds', help: 'How long the oldest run waiting to execute has waited, platform-wide; 0 when none waits.', registers }),
    recentDeadRuns: new Gauge({ name: 'event_flows_dead_runs_last_15m', help: 'Runs of event flows that went DEAD in the last 15 minutes, platform-wide.', registers }),
    flowStatus: new Gauge({ name: 'event_flows_flow_status', help: '1 for the status of each flow this worker leases.', labelNames: ['flow', 'status'] as const, registers }),
    queueMessages: new Gauge({ name: 'event_flows_queue_messages', help: "Messages in a leased flow's queue: visible and in flight.", labelNames: ['flow'] as const, registers }),
    dlqMessages: new Gauge({ name: 'event_flows_dlq_messages', help: "Messages in a leased flow's dead-letter queue.", labelNames: ['flow'] as const, registers }),
  };}
