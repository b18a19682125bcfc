import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';

/** Thrown when another live process holds the data directory: two writers would lose each other's data. */
export class StoreLockedError extends Error {
  readonly code = 'STORE_LOCKED';
  readonly pid: number;
  readonly lockFile: string;

  constructor(lockFile: string, pid: number) {
    super(
      `The data directory is in use by process ${pid} (the running server, or another seloste command). Stop it and try again: two writers would lose each other's changes. Lock file: ${lockFile}`,
    );
    this.pid = pid;
    this.lockFile = lockFile;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the writer's lock on a data directory: a file holding our pid, created exclusively. A lock left by a dead
 * process is taken over. Returns the release function; the lock is also released when the process exits.
 */
/** Locks this process holds: a second store on the same directory in one process is refused too. */
const held = new Set<string>();

export function acquireLock(dir: string): () => void {
  const lockFile = path.resolve(dir, 'writer.lock');
  if (held.has(lockFile)) throw new StoreLockedError(lockFile, process.pid);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      held.add(lockFile);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        held.delete(lockFile);
        try {
          if (readFileSync(lockFile, 'utf8') === String(process.pid)) unlinkSync(lockFile);
        } catch {
          // already gone
        }
      };
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(lockFile, 'utf8').trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && alive(holder)) throw new StoreLockedError(lockFile, holder);
      unlinkSync(lockFile); // stale: its process is gone
    }
  }
  throw new Error(`Could not take the lock ${lockFile}`);
}
