import ipaddr from 'ipaddr.js';

// Who is asking, for rate limits and logs. A client can write any X-Forwarded-For it
// likes, so the header is read only as far as the operator's own proxies wrote it: by
// default (no trusted proxy) the address is the socket's peer and the header is ignored.
// The web server (web/server.ts) resolves it once per request and passes it on in
// CLIENT_IP_HEADER, after removing any value a client sent under that name.

export const CLIENT_IP_HEADER = 'x-event-flows-client-ip';

type Cidr = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** Which proxies in front of the web app may be believed (TRUSTED_PROXY_HOPS or TRUSTED_PROXIES). */
export type ProxyTrust = { hops: number } | { proxies: readonly Cidr[] };

/** TRUSTED_PROXIES' text (CIDRs or addresses, comma or space separated); throws on an unreadable entry. */
export function parseTrustedProxies(text: string): Cidr[] {
  return text
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((entry) => {
      if (ipaddr.isValidCIDR(entry)) return ipaddr.parseCIDR(entry);
      if (ipaddr.isValid(entry)) {
        const address = ipaddr.process(entry);
        return [address, address.kind() === 'ipv4' ? 32 : 128];
      }
      throw new Error(`"${entry}" is not an IP address or CIDR`);
    });
}

/**
 * The client's address: the socket's peer, or, behind trusted proxies, the address the
 * nearest of them saw. X-Forwarded-For lists the hops left to right, each proxy appending
 * the address it received the request from; the peer is the last hop. With `hops` N, the
 * client is N places left of the peer; with `proxies`, the first address from the right
 * that is not a trusted proxy. An entry that is not an address ends the walk at the hop
 * to its right (what a trusted proxy wrote).
 */
export function resolveClientIp(peer: string, forwardedFor: string | undefined, trust: ProxyTrust): string {
  const chain = [...(forwardedFor ?? '').split(','), peer].map(normalizeAddress);
  let index = chain.length - 1;
  const trusted = (at: number) => ('hops' in trust ? chain.length - 1 - at < trust.hops : isTrustedProxy(chain[at]!, trust.proxies));
  while (index > 0 && trusted(index) && chain[index - 1] !== undefined) index--;
  return chain[index] ?? peer;
}

function isTrustedProxy(address: string, proxies: readonly Cidr[]): boolean {
  const parsed = ipaddr.process(address);
  return proxies.some(([range, bits]) => range.kind() === parsed.kind() && parsed.match(range, bits));
}

/** "::ffff:10.0.0.1" → "10.0.0.1", "1.2.3.4:5678" and "[::1]:80" lose their ports; not an address → undefined. */
function normalizeAddress(entry: string): string | undefined {
  let text = entry.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(text);
  if (bracketed) text = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(text)) text = text.slice(0, text.lastIndexOf(':'));
  return ipaddr.isValid(text) ? ipaddr.process(text).toString() : undefined;
}

/** The client's address of a request that came through the web server. */
export function clientIpOf(request: Pick<Request, 'headers'>): string {
  return request.headers.get(CLIENT_IP_HEADER) ?? 'unknown';
}
