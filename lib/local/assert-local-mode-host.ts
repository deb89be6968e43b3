import ipaddr from 'ipaddr.js';
import { ConfigError, isLocalSqs, type Env } from '@/lib/env';

/** True for an interface of this machine only: a loopback address or `localhost`. */
function isLoopbackHost(host: string): boolean {
  if (host === 'localhost') return true;
  const bare = host.replace(/^\[|\]$/g, '');
  return ipaddr.isValid(bare) && ipaddr.process(bare).range() === 'loopback';
}

/**
 * Local mode has no roles: every user can connect every queue of the emulator, and the demo
 * login is printed for all to see. So it is for the people of one machine, and a process
 * in local mode listens on loopback only, unless ALLOW_LOCAL_MODE_ON_NETWORK says
 * otherwise; then it gets the warning to log and print. `host` is where the process
 * listens (HOST, WORKER_METRICS_HOST).
 */
export function assertLocalModeHost(config: Pick<Env, 'AWS_ENDPOINT_URL_SQS' | 'LOCAL_MODE' | 'ALLOW_LOCAL_MODE_ON_NETWORK'>, host: string): string | undefined {
  if (!isLocalSqs(config) || isLoopbackHost(host)) return undefined;
  if (!config.ALLOW_LOCAL_MODE_ON_NETWORK) {
    throw new ConfigError(
      `Local mode listens on this machine only, and ${host} is not a loopback address: set HOST (and WORKER_METRICS_HOST) to 127.0.0.1, ` +
        'use real SQS, or set ALLOW_LOCAL_MODE_ON_NETWORK=1 if everyone on the network may use every local queue.',
    );
  }
  return `Local mode on the network (${host}): anyone who can reach this machine can sign up and use every local queue (there are no roles in local mode).`;
}
