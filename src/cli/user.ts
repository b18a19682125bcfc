import { userInfo } from 'node:os';
import type { TFunction } from 'i18next';
import { roleSchema } from '../domain/user.ts';
import { AccountError, addUser, resetPassword, setDisabled } from '../services/accounts.ts';
import { AuditLog } from '../store/audit-log.ts';
import { StoreCorruptError, Store } from '../store/store.ts';
import { StoreLockedError } from '../store/lock.ts';
import { dataDir, type Runtime } from '../store/runtime.ts';
import { parseOptions } from './options.ts';

/** Who did it, in the audit log: the operating-system user at the terminal. */
export function cliActor(): string {
  return `cli:${userInfo().username}`;
}

/** Opens the store for writing, or explains why not (the server holds it, or the file is damaged). */
export async function openForWriting(t: TFunction): Promise<Runtime | undefined> {
  try {
    const store = await Store.open({ dir: dataDir() });
    return { store, audit: await AuditLog.open(dataDir()) };
  } catch (error) {
    if (error instanceof StoreLockedError) console.error(t('cli.store.locked', { pid: error.pid }));
    else if (error instanceof StoreCorruptError) console.error(error.message);
    else throw error;
    return undefined;
  }
}

/** The password from standard input (its first line), or undefined on a terminal, where one is generated instead. */
async function passwordFromStdin(): Promise<string | undefined> {
  if (process.stdin.isTTY) return undefined;
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  const line = text.split(/\r?\n/u)[0] ?? '';
  return line === '' ? undefined : line;
}

/** `seloste user add|list|disable|enable|reset-password`. */
export async function runUser(args: string[], t: TFunction): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseOptions(rest, { username: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } });
  const username = values.username ?? positionals[0];
  if (sub !== 'list' && !username) {
    console.error(t('cli.user.usage'));
    return 2;
  }
  const runtime = await openForWriting(t);
  if (!runtime) return 1;
  try {
    switch (sub) {
      case 'add': {
        const role = roleSchema.safeParse(values.role);
        if (!role.success) {
          console.error(t('cli.user.badRole', { role: values.role ?? '', roles: roleSchema.options.join(', ') }));
          return 2;
        }
        const { user, generatedPassword } = await addUser(
          runtime,
          { username: username!, name: values.name, role: role.data, password: await passwordFromStdin() },
          cliActor(),
        );
        console.log(t('cli.user.added', { username: user.username, role: user.role }));
        if (generatedPassword) console.log(t('cli.user.generated', { password: generatedPassword }));
        return 0;
      }
      case 'list':
        for (const user of runtime.store.data.users)
          console.log(
            `${user.username}\t${user.role}\t${user.disabled ? t('cli.user.disabledState') : t('cli.user.activeState')}\t${user.name}`,
          );
        return 0;
      case 'disable':
      case 'enable': {
        const user = await setDisabled(runtime, username!, sub === 'disable', cliActor());
        console.log(t(sub === 'disable' ? 'cli.user.disabled' : 'cli.user.enabled', { username: user.username }));
        return 0;
      }
      case 'reset-password': {
        const { user, generatedPassword } = await resetPassword(runtime, username!, await passwordFromStdin(), cliActor());
        console.log(t('cli.user.passwordReset', { username: user.username }));
        if (generatedPassword) console.log(t('cli.user.generated', { password: generatedPassword }));
        return 0;
      }
      default:
        console.error(t('cli.user.usage'));
        return 2;
    }
  } catch (error) {
    if (error instanceof AccountError) {
      console.error(t(error.code));
      return 1;
    }
    throw error;
  } finally {
    await Promise.all([runtime.store.close(), runtime.audit.drain()]);
  }
}
