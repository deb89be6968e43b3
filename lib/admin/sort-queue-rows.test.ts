import { describe, expect, it } from 'vitest';
import type { FlowQueueReadout } from './flow-queue-readout';
import type { QueueOverviewRow } from './list-queue-overview';
import { sortQueueRows } from './sort-queue-rows';

function row(queueName: string, dlqDepth: number | null): QueueOverviewRow {
  const readout: FlowQueueReadout = {
    source: { ok: true, arn: `arn:aws:sqs:us-east-1:123456789012:${queueName}`, visible: 0, inFlight: 0, delayed: 0, visibilityTimeoutSeconds: 30, maxReceiveCount: 10 },
    dlq:
      dlqDepth === null
        ? { ok: false, problem: { code: 'NO_REDRIVE_POLICY', message: 'no DLQ' } }
        : { ok: true, url: `https://sqs/${queueName}-dlq`, name: `${queueName}-dlq`, arn: 'arn', depth: dlqDepth, oldestMessage: null },
    readAt: '2026-11-26T00:00:00.000Z',
  };
  const counts = { receivedCount: 0, acceptedCount: 0, requeuedCount: 0, failedCount: 0, filteredCount: 0, runsSucceeded: 0, runsFailed: 0, deadRuns: 0 };
  return { flowId: queueName, kind: 'BROKER', enabled: true, status: 'ACTIVE', lastError: null, owner: 'ada', algorithm: 'ada/echo', algorithmName: 'echo', dlqSeries: [], ...counts, queueUrl: `https://sqs/${queueName}`, queueName, readout };
}

describe('sortQueueRows', () => {
  const rows = [row('b', 3), row('none', null), row('a', 12), row('c', 0)];

  it('sorts numbers as numbers, both ways, with unreadable rows last', () => {
    expect(sortQueueRows(rows, { key: 'dlqDepth', direction: 'desc' }).map((r) => r.queueName)).toEqual(['a', 'b', 'c', 'none']);
    expect(sortQueueRows(rows, { key: 'dlqDepth', direction: 'asc' }).map((r) => r.queueName)).toEqual(['c', 'b', 'a', 'none']);
  });

  it('sorts names alphabetically and leaves the input alone', () => {
    expect(sortQueueRows(rows, { key: 'queue', direction: 'asc' }).map((r) => r.queueName)).toEqual(['a', 'b', 'c', 'none']);
    expect(rows.map((r) => r.queueName)).toEqual(['b', 'none', 'a', 'c']);
  });
});
