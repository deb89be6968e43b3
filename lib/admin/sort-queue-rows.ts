import type { QueueOverviewRow } from './list-queue-overview';

export type QueueSortKey = 'algorithm' | 'queue' | 'visible' | 'inFlight' | 'delayed' | 'dlqDepth' | 'deadRuns' | 'oldest';
export interface QueueSort {
  key: QueueSortKey;
  direction: 'asc' | 'desc';
}

/** The value a column sorts by; undefined for a part that could not be read. */
function sortValue(row: QueueOverviewRow, key: QueueSortKey): string | number | undefined {
  const { source, dlq } = row.readout;
  const oldest = dlq?.ok ? dlq.oldestMessage : null;
  switch (key) {
    case 'algorithm':
      return row.algorithm;
    case 'queue':
      return row.queueName;
    case 'visible':
    case 'inFlight':
    case 'delayed':
      return source.ok ? source[key] : undefined;
    case 'dlqDepth':
      return dlq?.ok ? dlq.depth : undefined;
    case 'deadRuns':
      return row.deadRuns;
    case 'oldest':
      return oldest?.ok ? oldest.ageSeconds : undefined;
  }
}

/** Sorted copy of `rows`; rows that cannot be read go last in either direction. */
export function sortQueueRows(rows: readonly QueueOverviewRow[], { key, direction }: QueueSort): QueueOverviewRow[] {
  const sign = direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const left = sortValue(a, key);
    const right = sortValue(b, key);
    if (left === undefined || right === undefined) return left === right ? 0 : left === undefined ? 1 : -1;
    const order = typeof left === 'number' && typeof right === 'number' ? left - right : String(left).localeCompare(String(right));
    return sign * order;
  });
}
