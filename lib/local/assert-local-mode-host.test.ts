import { describe, expect, it } from 'vitest';
import { ConfigError, parseEnv } from '@/lib/env';
import { assertLocalModeHost } from './assert-local-mode-host';

const localMode = parseEnv({ AWS_ENDPOINT_URL_SQS: 'http://127.0.0.1:4566' });
const realSqs = parseEnv({});

describe('local mode listens on loopback', () => {
  it('lets local mode listen on loopback addresses', () => {
    for (const host of ['127.0.0.1', 'localhost', '::1', '[::1]', '127.0.0.2']) expect(assertLocalModeHost(localMode, host)).toBeUndefined();
  });

  it('refuses local mode on another interface, saying what to do', () => {
    for (const host of ['0.0.0.0', '::', '192.168.1.20']) {
      expect(() => assertLocalModeHost(localMode, host)).toThrow(ConfigError);
    }
    expect(() => assertLocalModeHost(localMode, '0.0.0.0')).toThrow(/ALLOW_LOCAL_MODE_ON_NETWORK=1/);
  });

  it('allows it when told explicitly, with a warning', () => {
    const allowed = parseEnv({ AWS_ENDPOINT_URL_SQS: 'http://127.0.0.1:4566', ALLOW_LOCAL_MODE_ON_NETWORK: '1' });
    expect(assertLocalModeHost(allowed, '0.0.0.0')).toMatch(/^Local mode on the network \(0\.0\.0\.0\)/);
  });

  it('counts an emulator off loopback as local mode only when LOCAL_MODE says so', () => {
    const container = { AWS_ENDPOINT_URL_SQS: 'http://sqs:4566' };
    expect(assertLocalModeHost(parseEnv(container), '0.0.0.0')).toBeUndefined();
    expect(() => assertLocalModeHost(parseEnv({ ...container, LOCAL_MODE: '1' }), '0.0.0.0')).toThrow(ConfigError);
  });

  it('leaves real SQS alone on any interface', () => {
    expect(assertLocalModeHost(realSqs, '0.0.0.0')).toBeUndefined();
  });
});
