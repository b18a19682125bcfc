import type { IncomingHttpHeaders } from 'node:http';
import { BlockList, isIP } from 'node:net';
import type { TrustProxy } from '../domain/config.ts';

/**
 * An address as a socket or a proxy writes it, in one spelling: an IPv4-mapped IPv6 address as IPv4, without brackets
 * or a port (some proxies add one). Undefined when it is not an address at all.
 */
export function normalizeAddress(text: string): string | undefined {
  let address = text.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/u.exec(address);
  if (bracketed) address = bracketed[1]!;
  else if (/^[\d.]+:\d+$/u.test(address)) address = address.slice(0, address.lastIndexOf(':'));
  address = address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/iu, '');
  return isIP(address) ? address.toLowerCase() : undefined;
}

/**
 * How the front server tells who the client is. The socket's peer is the client unless TRUST_PROXY trusts it; then
 * X-Forwarded-For is read from the right (each proxy appends the peer it saw), past every trusted hop, and the first
 * untrusted address is the client. Entries left of it were written by the client itself and are never believed.
 */
export function clientAddressOf(trust: TrustProxy): (peer: string | undefined, headers: IncomingHttpHeaders) => string | undefined {
  if (trust.kind === 'none') return (peer) => peer;
  const trusted: (address: string, hop: number) => boolean =
    trust.kind === 'hops'
      ? (_address, hop) => hop < trust.hops
      : (() => {
          const list = new BlockList();
          for (const range of trust.ranges) list.addSubnet(range.network, range.prefix, range.family);
          return (address: string) => list.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
        })();
  return (peer, headers) => {
    let client = peer === undefined ? undefined : normalizeAddress(peer);
    if (client === undefined) return peer;
    const forwarded = [headers['x-forwarded-for'] ?? []].flat().join(',').split(',');
    for (let hop = 0; trusted(client, hop); hop++) {
      const entry = forwarded.at(-1 - hop);
      const address = entry === undefined ? undefined : normalizeAddress(entry);
      // Nothing more (or nothing readable) was forwarded: the last trusted hop is as far as can be told.
      if (address === undefined) break;
      client = address;
    }
    return client;
  };
}
