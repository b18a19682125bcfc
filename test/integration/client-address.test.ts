import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../support/server.ts';

let server: RunningServer;
beforeAll(async () => {
  // The test client is the proxy: it connects from the loopback address, which TRUST_PROXY trusts.
  server = await startServer({ TRUST_PROXY: '127.0.0.1,::1', LOG_REQUESTS: '0' });
});
afterAll(() => server?.stop());

/** A failed login, as a proxy forwards it for a client: a new username each time, so only the per-address limit counts. */
let attempt = 0;
async function failedLogin(forwardedFor: string): Promise<number> {
  const response = await fetch(`${server.baseUrl}/en/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: server.baseUrl, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': forwardedFor },
    body: new URLSearchParams({ username: `nobody${++attempt}`, password: 'not the password' }),
  });
  await response.body?.cancel();
  return response.status;
}

describe('behind a trusted proxy', () => {
  it('limits failed logins per forwarded client, not per proxy, and ignores what the client wrote itself', async () => {
    // Each time the client claims another address on the left; the proxy appends the one it saw.
    for (let index = 0; index < 20; index++) expect(await failedLogin(`192.0.2.${index}, 198.51.100.7`)).toBe(401);
    expect(await failedLogin('192.0.2.200, 198.51.100.7')).toBe(429);
    // Another client behind the same proxy is not held back by the first one's attempts.
    expect(await failedLogin('198.51.100.8')).toBe(401);
  });
});
