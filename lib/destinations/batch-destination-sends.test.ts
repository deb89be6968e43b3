import { describe, expect, it } from 'vitest';
import { MAX_DESTINATION_BODY_BYTES } from './destination-channel';
import { batchDestinationSends } from './batch-destination-sends';

const message = (runId: string, queueUrl = 'q1', body = 'x', at = 0) => ({ runId, queueUrl, roleArn: 'role', externalId: 'ef-1', body, createdAt: new Date(at), sequenceNumber: null as string | null });

describe('batchDestinationSends', () => {
  it('sends each queue its messages oldest first, ten at a time', () => {
    const messages = Array.from({ length: 23 }, (_, i) => message(`r${String(i).padStart(2, '0')}`, 'q1', 'x', 23 - i));
    const [queue] = batchDestinationSends([...messages, message('other', 'q2')]).filter((batches) => batches[0]![0]!.queueUrl === 'q1');
    expect(queue!.map((batch) => batch.length)).toEqual([10, 10, 3]);
    expect(queue![0]![0]!.runId).toBe('r22');
  });

  it('keeps a batch within the size of one message', () => {
    const big = 'y'.repeat(MAX_DESTINATION_BODY_BYTES / 2);
    const [queue] = batchDestinationSends([message('a', 'q1', big, 1), message('b', 'q1', big, 2), message('c', 'q1', 'z', 3)]);
    expect(queue!.map((batch) => batch.map((m) => m.runId))).toEqual([['a', 'b'], ['c']]);
  });

  it('orders the runs of a FIFO group that ended together by their sequence numbers', () => {
    const [queue] = batchDestinationSends([
      { ...message('zzz'), sequenceNumber: '18446744073709551617' },
      { ...message('aaa'), sequenceNumber: '9' },
      { ...message('mmm'), sequenceNumber: '18446744073709551616' },
    ]);
    expect(queue![0]!.map((m) => m.runId)).toEqual(['aaa', 'mmm', 'zzz']);
  });

  it('never mixes two roles in one call', () => {
    const batches = batchDestinationSends([message('a'), { ...message('b'), roleArn: 'other' }]);
    expect(batches).toHaveLength(2);
  });
});
