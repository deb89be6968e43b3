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

// The known cloud instance metadata addresses (AWS, GCP and Azure share 169.254.169.254;
// fd00:ec2::254 is AWS's IPv6 one; 100.100.100.200 Alibaba Cloud's). They hand out the
// host's credentials, so they are refused even inside a private network an admin allowed.
const CLOUD_METADATA = cidrs('169.254.169.254/32', 'fd00:ec2::254/128', '100.100.100.200/32', '192.0.0.192/32');
// Never: link-local, "this network", the IETF protocol block (192.0.0.0/24, home of
// some metadata services) and the benchmarking one, multicast, reserved/broadcast, the
// deprecated site-local IPv6 block, and local-use NAT64 (RFC 8215: whatever the
// operator's translator maps it to, which cannot be judged from here).
const ALWAYS_REFUSED = [
  ...CLOUD_METADATA,
  ...cidrs('0.0.0.0/8', '169.254.0.0/16', '192.0.0.0/24', '198.18.0.0/15', '224.0.0.0/4', '240.0.0.0/4'),
  ...cidrs('::/128', 'fe80::/10', 'fec0::/10', 'ff00::/8', '64:ff9b:1::/48'),
];
const LOOPBACK = cidrs('127.0.0.0/8', '::1/128');
const PRIVATE = cidrs('10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', 'fc00::/7');
// IPv6 forms that carry an IPv4 address, judged as that address: NAT64 (RFC 6052) in its
// last 32 bits, 6to4 (RFC 3056) in the 32 bits after 2002::/16.
const NAT64 = ipaddr.parseCIDR('64:ff9b::/96');
const SIX_TO_FOUR = ipaddr.parseCIDR('2002::/16');

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

/** The IPv4 address a NAT64 or 6to4 address carries; any other address as it is. */
function embeddedIpv4(ip: ipaddr.IPv4 | ipaddr.IPv6): ipaddr.IPv4 | ipaddr.IPv6 {
  if (ip.kind() === 'ipv4') return ip;
  if (ip.match(NAT64)) return ipaddr.fromByteArray(ip.toByteArray().slice(12));
  if (ip.match(SIX_TO_FOUR)) return ipaddr.fromByteArray(ip.toByteArray().slice(2, 6));
  return ip;
}

/**
 * Why the platform must not connect to `address` for `hostname`, in plain words; null
 * when it may. IPv4-mapped, NAT64 and 6to4 addresses are judged as the IPv4 address they carry.
 */
export function addressRefusal(address: string, hostname: string, policy: EgressPolicy): string | null {
  if (!ipaddr.isValid(address)) return `${address} is not an IP address`;
  const ip = embeddedIpv4(ipaddr.process(address));
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
