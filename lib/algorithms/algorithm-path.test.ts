import { describe, expect, it } from 'vitest';
import { formatAlgorithmPath, parseAlgorithmPath } from './algorithm-path';

describe('algorithm paths', () => {
  it('read owner/name with an optional version', () => {
    expect(parseAlgorithmPath('ezra/testSQSEventFlow/0.2.0')).toEqual({ owner: 'ezra', name: 'testSQSEventFlow', version: '0.2.0' });
    expect(parseAlgorithmPath(' ezra/testSQSEventFlow/ ')).toEqual({ owner: 'ezra', name: 'testSQSEventFlow' });
  });

  it('refuse anything else', () => {
    for (const path of ['', 'ezra', 'ezra/', '/x', 'a/b/c/d', 'a//1.0.0']) expect(parseAlgorithmPath(path)).toBeUndefined();
  });

  it('write the version only when there is one', () => {
    expect(formatAlgorithmPath({ owner: 'ezra', name: 'echo', version: '1.0.0' })).toBe('ezra/echo/1.0.0');
    expect(formatAlgorithmPath({ owner: 'ezra', name: 'echo' })).toBe('ezra/echo');
  });
});
