import { describe, expect, it } from 'vitest';
import { algorithmRunUrl } from './dispatcher';

describe('algorithm run URL', () => {
  it('names the owner, the algorithm and the version, in asynchronous mode', () => {
    expect(algorithmRunUrl('http://localhost:3000', { algorithmOwner: 'demo', algorithmName: 'echo', version: '1.2.0' })).toBe(
      'http://localhost:3000/v1/algo/demo/echo/1.2.0?output=void',
    );
  });

  it('leaves the version out to run the latest, and keeps a base path', () => {
    expect(algorithmRunUrl('https://platform.example/api/', { algorithmOwner: 'demo', algorithmName: 'echo', version: null })).toBe(
      'https://platform.example/api/v1/algo/demo/echo?output=void',
    );
  });
});
