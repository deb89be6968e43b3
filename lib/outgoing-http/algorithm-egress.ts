import { env } from '@/lib/env';
import type { PlatformSettings } from '@/lib/settings/get-platform-settings';
import { splitAllowedNetworks, type EgressPolicy } from './egress-policy';

/** The bounds of every call of an algorithm's endpoint. */
export interface AlgorithmEgress {
  policy: EgressPolicy;
  connectTimeoutMs: number;
  maxOutputBytes: number;
}

/** From the admin's settings; loopback only where the process runs in local mode. */
export function algorithmEgress(settings: Pick<PlatformSettings, 'algorithmAllowedNetworks'>, allowLoopback: boolean): AlgorithmEgress {
  const config = env();
  return {
    policy: { allowLoopback, allowedNetworks: splitAllowedNetworks(settings.algorithmAllowedNetworks).entries },
    connectTimeoutMs: config.ALGORITHM_CONNECT_TIMEOUT_MS,
    maxOutputBytes: config.ALGORITHM_OUTPUT_MAX_BYTES,
  };
}
