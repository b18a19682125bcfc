import type { Store } from '../store/index.ts';
import { sendReminders } from './data-requests.ts';

const HOUR = 3_600_000;

/**
 * Runs the daily reminders in the server: a minute after start and then every hour. Each data request gets at most one
 * reminder a day however often this runs, and a lease lets one instance of many send them. Errors are logged without
 * personal data and the next run tries again. Returns the function that stops it.
 */
export function scheduleReminders(store: Store): () => void {
  const run = () =>
    sendReminders(store, { lang: 'fi' }).catch((error: unknown) =>
      console.error(JSON.stringify({ level: 'error', message: `reminders failed: ${(error as Error).message}` })),
    );
  const first = setTimeout(run, 60_000);
  const every = setInterval(run, HOUR);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
