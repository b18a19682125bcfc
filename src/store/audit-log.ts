import { createHash } from 'node:crypto';
import { open, readFile } from 'node:fs/promises';
import path from 'node:path';
import { auditEventSchema, canonicalEvent, GENESIS_HASH, type AuditEvent } from '../domain/audit.ts';

export const AUDIT_FILE = 'audit.jsonl';

export function hashEvent(event: Omit<AuditEvent, 'hash'>): string {
  return createHash('sha256').update(canonicalEvent(event)).digest('hex');
}

export type NewAuditEvent = Pick<AuditEvent, 'actor' | 'action' | 'entity' | 'details'>;

/**
 * The append-only audit log, DATA_DIR/audit.jsonl: one JSON event a line, each fsynced before the append resolves.
 * Appends are queued, so the chain stays in order however many callers write at once.
 */
export class AuditLog {
  readonly file: string;
  private last: { seq: number; hash: string };
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(file: string, last: { seq: number; hash: string }) {
    this.file = file;
    this.last = last;
  }

  static async open(dir: string): Promise<AuditLog> {
    const file = path.join(dir, AUDIT_FILE);
    const events = await readEvents(file);
    const tail = events.at(-1);
    return new AuditLog(file, tail ? { seq: tail.seq, hash: tail.hash } : { seq: 0, hash: GENESIS_HASH });
  }

  append(event: NewAuditEvent, at = new Date()): Promise<AuditEvent> {
    const run = this.queue.then(async () => {
      const unsigned = { seq: this.last.seq + 1, at: at.toISOString(), ...event, prev: this.last.hash };
      const full = auditEventSchema.parse({ ...unsigned, hash: hashEvent(unsigned) });
      const handle = await open(this.file, 'a', 0o600);
      try {
        await handle.appendFile(`${JSON.stringify(full)}\n`, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      this.last = { seq: full.seq, hash: full.hash };
      return full;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  async drain(): Promise<void> {
    await this.queue;
  }

  /** Every event, oldest first. */
  events(): Promise<AuditEvent[]> {
    return readEvents(this.file);
  }
}

/** Reads the log leniently for display: lines that do not parse are skipped (verify reports them). */
export async function readEvents(file: string): Promise<AuditEvent[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return text
    .split('\n')
    .filter(Boolean)
    .flatMap((line) => {
      try {
        const parsed = auditEventSchema.safeParse(JSON.parse(line));
        return parsed.success ? [parsed.data] : [];
      } catch {
        return [];
      }
    });
}

export interface VerifyResult {
  ok: boolean;
  events: number;
  /** The first break in the chain: the line, and what is wrong there. */
  problem?: { line: number; reason: 'unreadable' | 'edited' | 'missing' | 'reordered' };
}

/** Walks the chain: every line parses, every hash matches its event, and every event links to the one before. */
export async function verifyAuditLog(dir: string): Promise<VerifyResult> {
  const file = path.join(dir, AUDIT_FILE);
  let text = '';
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const lines = text.split('\n').filter(Boolean);
  let previous = { seq: 0, hash: GENESIS_HASH };
  for (const [index, line] of lines.entries()) {
    let event: AuditEvent;
    try {
      event = auditEventSchema.parse(JSON.parse(line));
    } catch {
      return { ok: false, events: index, problem: { line: index + 1, reason: 'unreadable' } };
    }
    const { hash, ...unsigned } = event;
    if (hashEvent(unsigned) !== hash) return { ok: false, events: index, problem: { line: index + 1, reason: 'edited' } };
    if (event.prev !== previous.hash || event.seq !== previous.seq + 1) {
      const expected = previous.seq + 1;
      const later = lines.slice(index + 1).some((other) => other.includes(`"seq":${expected},`));
      return { ok: false, events: index, problem: { line: index + 1, reason: event.seq > expected && !later ? 'missing' : 'reordered' } };
    }
    previous = { seq: event.seq, hash };
  }
  return { ok: true, events: lines.length };
}
