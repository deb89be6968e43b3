import dns, { type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { addressRefusal, type EgressPolicy } from './egress-policy';
import { OutgoingHttpError } from './outgoing-http-error';

/**
 * A `lookup` for sockets: the name is resolved once, by the connection itself, and every
 * address it resolved to is checked before one is connected to — so the address checked
 * is the address used (no DNS rebinding between a check and the call).
 */
export function guardedLookup(policy: EgressPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const refusal = refusalOfAddresses(hostname, addresses, policy);
      if (refusal) return callback(new OutgoingHttpError('REFUSED_ADDRESS', refusal), '', 0);
      if (options.all) return (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

/** The first refused address of a name's answers (a mixed answer is refused whole); null when all may be used. */
export function refusalOfAddresses(hostname: string, addresses: readonly LookupAddress[], policy: EgressPolicy): string | null {
  if (addresses.length === 0) return `${hostname} does not resolve to any address`;
  for (const { address } of addresses) {
    const refusal = addressRefusal(address, hostname, policy);
    if (refusal) return `${hostname} resolves to ${refusal}`;
  }
  return null;
}

/**
 * Resolves a URL's host now and checks it (used when a version is published); null when
 * it may be called. A name that does not resolve yet passes: a model server is often
 * published before it is deployed, and every connection is checked anyway.
 */
export async function endpointUrlRefusal(url: string, policy: EgressPolicy): Promise<string | null> {
  const hostname = hostnameOf(new URL(url));
  if (isIpLiteral(hostname)) return addressRefusal(hostname, hostname, policy);
  const addresses = await dns.promises.lookup(hostname, { all: true }).catch(() => null);
  return addresses ? refusalOfAddresses(hostname, addresses, policy) : null;
}

/** The URL's host without IPv6 brackets. */
export function hostnameOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

export function isIpLiteral(hostname: string): boolean {
  return isIP(hostname) !== 0;
}
