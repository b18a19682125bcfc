import { describe, expect, it } from 'vitest';
import { ByteLru } from '../../../src/services/lru.ts';
import { publicOrigin } from '../../../src/services/public-origin.ts';

describe('a byte-bounded LRU', () => {
  it('forgets the least recently used entries first once over its bytes', () => {
    const lru = new ByteLru<string>(10);
    lru.set('a', 'a', 4);
    lru.set('b', 'b', 4);
    lru.get('a');
    lru.set('c', 'c', 4);
    expect([lru.get('a'), lru.get('b'), lru.get('c')]).toEqual(['a', undefined, 'c']);
    expect(lru.bytes).toBe(8);
  });

  it('keeps nothing larger than its whole budget, and counts an entry that grows', () => {
    const lru = new ByteLru<string>(10);
    lru.set('huge', 'x', 11);
    expect(lru.size).toBe(0);
    lru.set('a', 'a', 4);
    lru.set('b', 'b', 4);
    lru.resize('b', 'b', 8);
    expect(lru.get('a')).toBeUndefined();
    expect(lru.bytes).toBe(8);
    lru.resize('b', 'another value', 1);
    expect(lru.bytes).toBe(8);
  });
});

describe('the public origin', () => {
  it('is PUBLIC_ORIGIN when set, reduced to its origin', () => {
    expect(publicOrigin({ PUBLIC_ORIGIN: 'https://seloste.example.fi' })).toBe('https://seloste.example.fi');
    expect(publicOrigin({ PUBLIC_ORIGIN: 'https://seloste.example.fi:8443/' })).toBe('https://seloste.example.fi:8443');
  });

  it('refuses a value that is not an http(s) origin, naming the variable', () => {
    for (const value of ['seloste.example.fi', 'ftp://example.fi', 'https://example.fi/path', 'https://user@example.fi'])
      expect(() => publicOrigin({ PUBLIC_ORIGIN: value }), value).toThrow(/PUBLIC_ORIGIN/u);
  });

  it('is otherwise the configured listening address, never a request’s', () => {
    expect(publicOrigin({})).toBe('http://localhost:4321');
    expect(publicOrigin({ HOST: '127.0.0.1', PORT: '8080' })).toBe('http://127.0.0.1:8080');
    expect(publicOrigin({ HOST: '0.0.0.0', PORT: '80' })).toBe('http://localhost');
    expect(publicOrigin({ HOST: '::1', PORT: '4321' })).toBe('http://[::1]:4321');
  });
});
