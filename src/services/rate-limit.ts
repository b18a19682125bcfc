/** Failed logins allowed per window: per username (guessing one account) and per address (spraying many). */
const WINDOW_MS = 15 * 60 * 1000;
const PER_USERNAME = 5;
const PER_ADDRESS = 20;

/**
 * An in-memory sliding window of failed logins. One server process holds it; a restart forgets it, which only
 * ever makes it more lenient, never less safe for users.
 */
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  private recent(key: string, now: number): number[] {
    const times = (this.failures.get(key) ?? []).filter((time) => now - time < WINDOW_MS);
    if (times.length) this.failures.set(key, times);
    else this.failures.delete(key);
    return times;
  }

  allowed(username: string, address: string, now = Date.now()): boolean {
    return this.recent(`u:${username}`, now).length < PER_USERNAME && this.recent(`a:${address}`, now).length < PER_ADDRESS;
  }

  failed(username: string, address: string, now = Date.now()): void {
    for (const key of [`u:${username}`, `a:${address}`]) this.failures.set(key, [...this.recent(key, now), now]);
  }

  /** A successful login clears that username's failures (not the address's: a sprayer may also know one password). */
  succeeded(username: string): void {
    this.failures.delete(`u:${username}`);
  }
}

export const loginLimiter = new LoginLimiter();
