import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as z from 'zod';
import { auditEventSchema, type AuditEvent } from '../domain/audit.ts';
import { requestSchema, type DataSubjectRequest } from '../domain/request.ts';
import { PASSWORD_HASH_PATTERN, EVERY_ORGANISATION, type User } from '../domain/user.ts';
import type { Repositories, Store } from './index.ts';
import { StoreCorruptError } from './rows.ts';

/**
 * The lowdb files of Seloste before the database (store.json at schema versions 1–3, and audit.jsonl), read once by
 * `seloste db import`. Their shapes are frozen here, apart from the live domain.
 */
const legacyUserSchema = z.strictObject({
  id: z.uuid(),
  username: z.string(),
  name: z.string(),
  role: z.enum(['admin', 'dpo', 'handler', 'auditor']),
  passwordHash: z.string().regex(PASSWORD_HASH_PATTERN),
  disabled: z.boolean(),
  createdAt: z.iso.datetime(),
  passwordChangedAt: z.iso.datetime(),
});
const legacyRequestSchema = requestSchema.omit({ organisation: true });
const legacyStoreSchema = z.strictObject({
  version: z.literal(3),
  users: z.array(legacyUserSchema),
  requests: z.array(legacyRequestSchema),
});
export type LegacyRequest = z.infer<typeof legacyRequestSchema>;

/** Brings store.json of version N to N + 1, before validation. */
const MIGRATIONS: Record<number, (data: Record<string, unknown>) => Record<string, unknown>> = {
  // Version 1 kept `hash` and no account state; version 2 names it passwordHash and adds ids, state and dates.
  1: (data) => ({
    ...data,
    version: 2,
    users: ((data.users as Record<string, unknown>[] | undefined) ?? []).map(({ hash, ...user }) => ({
      id: user.id ?? globalThis.crypto.randomUUID(),
      ...user,
      passwordHash: hash,
      disabled: user.disabled ?? false,
      createdAt: user.createdAt ?? new Date(0).toISOString(),
      passwordChangedAt: user.passwordChangedAt ?? user.createdAt ?? new Date(0).toISOString(),
    })),
  }),
  // Version 3 added data-subject requests.
  2: (data) => ({ ...data, version: 3, requests: [] }),
};

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}

async function readOptional(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export interface LegacyData {
  users: z.infer<typeof legacyUserSchema>[];
  requests: LegacyRequest[];
  events: AuditEvent[];
}

/** Reads and validates DIR/store.json and DIR/audit.jsonl, naming the file, the line and the field when something is wrong. */
export async function readLegacyData(dir: string): Promise<LegacyData> {
  const storeFile = path.join(dir, 'store.json');
  const auditFile = path.join(dir, 'audit.jsonl');
  const [storeText, auditText] = await Promise.all([readOptional(storeFile), readOptional(auditFile)]);
  if (storeText === undefined && auditText === undefined)
    throw new StoreCorruptError(`${dir}: neither store.json nor audit.jsonl is there`);
  let store: z.infer<typeof legacyStoreSchema> = { version: 3, users: [], requests: [] };
  if (storeText !== undefined) {
    let data: Record<string, unknown>;
    try {
      data = JSON.parse(storeText) as Record<string, unknown>;
    } catch (error) {
      throw new StoreCorruptError(`${storeFile}: not valid JSON (${(error as Error).message})`);
    }
    for (let version = Number(data?.version); MIGRATIONS[version]; version = Number(data.version)) data = MIGRATIONS[version]!(data);
    const parsed = legacyStoreSchema.safeParse(data);
    if (!parsed.success) throw new StoreCorruptError(`${storeFile}: ${describe(parsed.error)}`);
    store = parsed.data;
  }
  const events = (auditText ?? '')
    .split('\n')
    .map((line, index) => ({ line, number: index + 1 }))
    .filter(({ line }) => line.trim())
    .map(({ line, number }) => {
      try {
        return auditEventSchema.parse(JSON.parse(line));
      } catch (error) {
        throw new StoreCorruptError(`${auditFile}:${number}: ${error instanceof z.ZodError ? describe(error) : (error as Error).message}`);
      }
    });
  return { users: store.users, requests: store.requests, events };
}

export interface ImportCounts {
  users: number;
  requests: number;
  letters: number;
  historyEntries: number;
  auditEvents: number;
}

/** An import that did not add up; nothing of it was kept. */
export class ImportCheckError extends Error {
  readonly code = 'IMPORT_CHECK';
}

/**
 * Moves legacy data into an empty database in one transaction: users keep their role in every organisation, each
 * request gets the organisation `organisationOf` gives it, audit events keep their hashes. Before committing, the
 * counts are compared and the audit chain is verified; any difference rolls everything back.
 */
export async function importLegacyData(
  store: Store,
  data: LegacyData,
  organisationOf: (request: LegacyRequest) => string,
): Promise<ImportCounts> {
  return store.transaction(async (repositories: Repositories) => {
    if ((await repositories.users.count()) + (await repositories.requests.count()) + (await repositories.audit.count()) > 0)
      throw new ImportCheckError('the database already holds data; import into an empty one');
    for (const legacy of data.users) {
      const { role, ...rest } = legacy;
      const user: User = { ...rest, roles: { [EVERY_ORGANISATION]: [role] } };
      await repositories.users.save(user);
    }
    const highest = new Map<number, number>();
    for (const legacy of data.requests) {
      const request: DataSubjectRequest = { ...legacy, organisation: organisationOf(legacy) };
      await repositories.requests.save(request);
      const [, year, number] = /^TS-(\d{4})-(\d{6})$/u.exec(request.reference)!;
      highest.set(Number(year), Math.max(highest.get(Number(year)) ?? 0, Number(number)));
    }
    for (const [year, last] of highest) await repositories.requests.raiseSequence(year, last);
    await repositories.audit.insertAsIs(data.events);
    const expected: ImportCounts = {
      users: data.users.length,
      requests: data.requests.length,
      letters: data.requests.reduce((sum, request) => sum + request.letters.length, 0),
      historyEntries: data.requests.reduce((sum, request) => sum + request.history.length, 0),
      auditEvents: data.events.length,
    };
    let letters = 0;
    let historyEntries = 0;
    for await (const request of repositories.requests.all({ every: true })) {
      letters += request.letters.length;
      historyEntries += request.history.length;
    }
    const found: ImportCounts = {
      users: await repositories.users.count(),
      requests: await repositories.requests.count(),
      letters,
      historyEntries,
      auditEvents: await repositories.audit.count(),
    };
    const differences = (Object.keys(expected) as (keyof ImportCounts)[]).filter((key) => expected[key] !== found[key]);
    if (differences.length)
      throw new ImportCheckError(
        `counts differ after the import: ${differences.map((key) => `${key} ${expected[key]} ≠ ${found[key]}`).join(', ')}`,
      );
    const chain = await repositories.audit.verify();
    if (!chain.ok) throw new ImportCheckError(`the audit chain does not verify at event ${chain.problem!.line} (${chain.problem!.reason})`);
    return found;
  });
}
