import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../../src/domain/config.ts';
import { clientAddressOf, normalizeAddress } from '../../../src/server/client-address.ts';

/** The client the front server sees, with TRUST_PROXY as given, a socket peer and an X-Forwarded-For header. */
function clientWith(trustProxy: string | undefined, peer: string, forwardedFor?: string): string | undefined {
  const { TRUST_PROXY } = parseConfig(trustProxy === undefined ? {} : { TRUST_PROXY: trustProxy });
  return clientAddressOf(TRUST_PROXY)(peer, forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor });
}

describe('TRUST_PROXY', () => {
  it('is off unless set, and reads off, a hop count, or addresses and ranges', () => {
    expect(parseConfig({}).TRUST_PROXY).toEqual({ kind: 'none' });
    expect(parseConfig({ TRUST_PROXY: 'off' }).TRUST_PROXY).toEqual({ kind: 'none' });
    expect(parseConfig({ TRUST_PROXY: '0' }).TRUST_PROXY).toEqual({ kind: 'none' });
    expect(parseConfig({ TRUST_PROXY: '2' }).TRUST_PROXY).toEqual({ kind: 'hops', hops: 2 });
    expect(parseConfig({ TRUST_PROXY: ' 10.0.0.0/8, 192.0.2.10 ,::1,2001:db8::/32' }).TRUST_PROXY).toEqual({
      kind: 'addresses',
      ranges: [
        { network: '10.0.0.0', prefix: 8, family: 'ipv4' },
        { network: '192.0.2.10', prefix: 32, family: 'ipv4' },
        { network: '::1', prefix: 128, family: 'ipv6' },
        { network: '2001:db8::', prefix: 32, family: 'ipv6' },
      ],
    });
  });

  it.each(['yes', '11', '10.0.0.0/33', '10.0.0.256', 'proxy.example.com', '10.0.0.1,,10.0.0.2', '::1/129'])(
    'refuses TRUST_PROXY=%s, naming the variable and what it should be',
    (value) => {
      let error: unknown;
      try {
        parseConfig({ TRUST_PROXY: value });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).message).toMatch(/^Invalid configuration: TRUST_PROXY should be off, the number of proxies/u);
    },
  );
});

describe('the client address behind a proxy', () => {
  it('is the socket’s peer when no proxy is trusted, whatever X-Forwarded-For claims', () => {
    expect(clientWith(undefined, '198.51.100.7', '203.0.113.99')).toBe('198.51.100.7');
    expect(clientWith('off', '198.51.100.7', '203.0.113.99')).toBe('198.51.100.7');
  });

  it('ignores a forwarded address sent by a peer that is not a trusted proxy', () => {
    // A client that talks to the server directly cannot pick its own address for the limits.
    expect(clientWith('10.0.0.0/8', '198.51.100.7', '203.0.113.99')).toBe('198.51.100.7');
  });

  it('takes the right-most address that is not a trusted proxy, never a spoofed one to the left of it', () => {
    // The client wrote "192.0.2.66" itself; the proxy at 10.0.0.5 appended the peer it saw, 203.0.113.20.
    expect(clientWith('10.0.0.0/8', '10.0.0.5', '192.0.2.66, 203.0.113.20')).toBe('203.0.113.20');
    // Two trusted proxies in a row (a load balancer, then an ingress) are both passed.
    expect(clientWith('10.0.0.0/8', '10.0.0.5', '192.0.2.66, 203.0.113.20, 10.1.2.3')).toBe('203.0.113.20');
    // Several X-Forwarded-For headers are read as one list.
    expect(
      clientAddressOf(parseConfig({ TRUST_PROXY: '10.0.0.0/8' }).TRUST_PROXY)('10.0.0.5', {
        'x-forwarded-for': ['192.0.2.66', '203.0.113.20'],
      }),
    ).toBe('203.0.113.20');
  });

  it('counts hops from the server: the nearest ones are proxies, the next address is the client', () => {
    expect(clientWith('1', '10.0.0.5', '192.0.2.66, 203.0.113.20')).toBe('203.0.113.20');
    expect(clientWith('2', '10.0.0.5', '192.0.2.66, 203.0.113.20, 10.1.2.3')).toBe('203.0.113.20');
    // Fewer hops forwarded than configured: the furthest one known.
    expect(clientWith('3', '10.0.0.5', '203.0.113.20')).toBe('203.0.113.20');
  });

  it('stops at the proxy when the forwarded list is missing or unreadable', () => {
    expect(clientWith('10.0.0.0/8', '10.0.0.5')).toBe('10.0.0.5');
    expect(clientWith('10.0.0.0/8', '10.0.0.5', '')).toBe('10.0.0.5');
    expect(clientWith('10.0.0.0/8', '10.0.0.5', '192.0.2.66, not-an-address')).toBe('10.0.0.5');
  });

  it('reads IPv6, IPv4-mapped peers, and addresses a proxy wrote with a port', () => {
    expect(clientWith('127.0.0.1', '::ffff:127.0.0.1', '203.0.113.20')).toBe('203.0.113.20');
    expect(clientWith('::1', '::1', '2001:DB8::1')).toBe('2001:db8::1');
    expect(clientWith('1', '10.0.0.5', '203.0.113.20:51234')).toBe('203.0.113.20');
    expect(clientWith('1', '10.0.0.5', '[2001:db8::1]:443')).toBe('2001:db8::1');
    expect(normalizeAddress('proxy.example.com')).toBeUndefined();
  });
});
