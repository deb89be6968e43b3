import ipaddr from 'ipaddr.js';

// Which addresses the platform may connect to when it calls a URL a user gave (an
// algorithm's endpoint). One rule, used when a version is published and again on every
// connection, after DNS, so a name that later resolves elsewhere gains nothing.

export interface EgressPolicy {
  /** Local mode only: the demo and the tests run algorithms on this machine. */
  allowLoopback: boolean;
  /** What an admin allowed among the private ranges: CIDRs, or host names that may resolve there. */
  allowedNetworks: readonly string[];
}

type Cidr = [ipaddr.IPv4 | ipaddr.IPv6, number];
const cidrs = (...texts: string[]): Cidr[] => texts.map((text) => ipaddr.parseCIDR(text));

// Never: link-local and the clouds' metadata services, "this network", multicast and
// the reserved/broadcast block.
const ALWAYS_REFUSED = cidrs('0.0.0.0/8', '169.254.0.0/16', '224.0.0.0/4', '240.0.0.0/4', '::/128', 'fe80::/10', 'ff00::/8', 'fd00:ec2::254/128');
const LOOPBACK = cidrs('127.0.0.0/8', '::1/128');
const PRIVATE = cidrs('10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', 'fc00::/7');
// NAT64 (RFC 6052) carries an IPv4 address in its last 32 bits: judge that address.
const NAT64 = ipaddr.parseCIDR('64:ff9b::/96');

const within = (address: ipaddr.IPv4 | ipaddr.IPv6, ranges: readonly Cidr[]) =>
  ranges.some(([range, bits]) => range.kind() === address.kind() && address.match(range, bits));

/** One entry of the allowed-networks setting: a CIDR, a single address, or a host name. */
export function parseAllowedNetwork(entry: string): { cidr: Cidr } | { host: string } | null {
  const text = entry.trim().toLowerCase();
  if (text === '') return null;
  if (text.includes('/')) return ipaddr.isValidCIDR(text) ? { cidr: ipaddr.parseCIDR(text) } : null;
  if (ipaddr.isValid(text)) {
    const address = ipaddr.process(text);
    return { cidr: [address, address.kind() === 'ipv4' ? 32 : 128] };
  }
  return /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/.test(text) ? { host: text } : null;
}

/** The setting's text (comma, space or newline separated) as entries; the first unreadable one is reported. */
export function splitAllowedNetworks(text: string): { entries: string[]; invalid?: string } {
  const entries = text.split(/[\s,]+/).filter((entry) => entry !== '');
  return { entries, invalid: entries.find((entry) => parseAllowedNetwork(entry) === null) };
}

/**
 * Why the platform must not connect to `address` for `hostname`, in plain words; null
 * when it may. IPv4-mapped IPv6 addresses are judged as the IPv4 address they carry.
 */
export function addressRefusal(address: string, hostname: string, policy: EgressPolicy): string | null {
  if (!ipaddr.isValid(address)) return `${address} is not an IP address`;
  let ip = ipaddr.process(address);
  if (ip.kind() === 'ipv6' && ip.match(NAT64)) ip = ipaddr.fromByteArray(ip.toByteArray().slice(12));
  const shown = ip.toString();
  if (within(ip, ALWAYS_REFUSED)) return `${shown} is a link-local, metadata, multicast or reserved address, which algorithms may never use`;
  if (within(ip, LOOPBACK)) return policy.allowLoopback ? null : `${shown} is a loopback address, which algorithms may use only in local mode`;
  if (within(ip, PRIVATE)) {
    const allowed = policy.allowedNetworks.some((entry) => {
      const network = parseAllowedNetwork(entry);
      if (!network) return false;
      return 'host' in network ? network.host === hostname.toLowerCase() : within(ip, [network.cidr]);
    });
    return allowed ? null : `${shown} is a private address; an admin must add it to "Private networks algorithms may use"`;
  }
  return null;
}
