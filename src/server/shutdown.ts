import type { Server } from 'node:http';

const SIGNALS = ['SIGTERM', 'SIGINT'] as const;
type Signal = (typeof SIGNALS)[number];
type Hook = (signal: Signal) => void;

/** How long requests under way may take to finish before their connections are cut. */
const GRACE_MS = 10_000;

/**
 * Graceful shutdown in the right order. The app's own modules listen for SIGTERM and SIGINT themselves (the store
 * drains its write queue and exits), and would exit while requests are still being answered. So from now on every
 * such listener is taken off the process as soon as it is added and held here; on a signal the server stops
 * accepting, lets requests under way finish (idle keep-alive connections are closed at once), and only then runs
 * the held hooks in the order they were added. With no hook, the process ends when nothing is left to do.
 */
export function closeGracefullyOnSignals(server: Server): void {
  const held: Record<Signal, Hook[]> = { SIGTERM: [], SIGINT: [] };
  const ours = new Set<(...args: never[]) => void>();
  process.on('newListener', (event: string | symbol) => {
    if (!SIGNALS.includes(event as Signal)) return;
    // The listener is added right after this event: move it once it is there.
    queueMicrotask(() => {
      for (const listener of process.rawListeners(event as Signal) as Hook[]) {
        if (ours.has(listener)) continue;
        process.removeListener(event as Signal, listener);
        held[event as Signal].push(listener);
      }
    });
  });

  let closing = false;
  const onSignal = (signal: Signal) => {
    // A second signal (Ctrl-C pressed again) does not wait any longer.
    if (closing) process.exit();
    closing = true;
    process.exitCode = signal === 'SIGINT' ? 130 : 0;
    const cut = setTimeout(() => server.closeAllConnections(), GRACE_MS).unref();
    server.close(() => {
      clearTimeout(cut);
      for (const hook of held[signal]) hook(signal);
      // Whatever a hook leaves open (a pool, a timer) does not keep the process alive for long.
      setTimeout(() => process.exit(), GRACE_MS).unref();
    });
    server.closeIdleConnections();
  };
  for (const signal of SIGNALS) {
    ours.add(onSignal);
    process.on(signal, onSignal);
  }
}
