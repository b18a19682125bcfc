import { userInfo } from 'node:os';
import type { TFunction } from 'i18next';
import {
  organisationKeySchema,
  roleSchema,
  systemActor,
  EVERY_ORGANISATION,
  type Actor,
  type RolesByOrganisation,
} from '../domain/user.ts';
import { AccountError, addUser, describeRoles, listUsers, resetPassword, setDisabled } from '../services/accounts.ts';
import { withStore } from '../services/runtime.ts';
import { parseOptions } from './options.ts';

/** Who did it, in the audit log: the operating-system user at the terminal, who owns the data. */
export function cliActor(): Actor {
  return systemActor(`cli:${userInfo().username}`);
}

/** The password from standard input (its first line), or undefined on a terminal, where one is generated instead. */
async function passwordFromStdin(): Promise<string | undefined> {
  if (process.stdin.isTTY) return undefined;
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  const line = text.split(/\r?\n/u)[0] ?? '';
  return line === '' ? undefined : line;
}

/** `--role R… --org O…`: each role in each organisation given, or in every organisation when none is. */
function rolesFrom(roles: string[], organisations: string[], t: TFunction): RolesByOrganisation | undefined {
  const parsedRoles = roles.map((role) => roleSchema.safeParse(role));
  const badRole = parsedRoles.findIndex((result) => !result.success);
  if (roles.length === 0 || badRole >= 0) {
    console.error(t('cli.user.badRole', { role: roles[badRole] ?? '', roles: roleSchema.options.join(', ') }));
    return undefined;
  }
  const badOrganisation = organisations.find((organisation) => !organisationKeySchema.safeParse(organisation).success);
  if (badOrganisation !== undefined) {
    console.error(t('cli.user.badOrganisation', { organisation: badOrganisation }));
    return undefined;
  }
  const list = [...new Set(parsedRoles.map((result) => result.data!))];
  return Object.fromEntries((organisations.length ? organisations : [EVERY_ORGANISATION]).map((organisation) => [organisation, list]));
}

/** `seloste user add|list|disable|enable|reset-password`. */
export async function runUser(args: string[], t: TFunction): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseOptions(rest, {
    username: { type: 'string' },
    role: { type: 'string', multiple: true },
    org: { type: 'string', multiple: true },
    name: { type: 'string' },
  });
  const username = values.username ?? positionals[0];
  if (sub !== 'list' && !username) {
    console.error(t('cli.user.usage'));
    return 2;
  }
  const actor = cliActor();
  try {
    switch (sub) {
      case 'add': {
        const roles = rolesFrom(values.role ?? [], values.org ?? [], t);
        if (!roles) return 2;
        const password = await passwordFromStdin();
        const { user, generatedPassword } = await withStore((store) =>
          addUser(store, { username: username!, name: values.name, roles, password }, actor),
        );
        console.log(t('cli.user.added', { username: user.username, role: describeRoles(user.roles) }));
        if (generatedPassword) console.log(t('cli.user.generated', { password: generatedPassword }));
        return 0;
      }
      case 'list':
        for (const user of await withStore((store) => listUsers(store, actor)))
          console.log(
            `${user.username}\t${describeRoles(user.roles)}\t${user.disabled ? t('cli.user.disabledState') : t('cli.user.activeState')}\t${user.name}`,
          );
        return 0;
      case 'disable':
      case 'enable': {
        const user = await withStore((store) => setDisabled(store, username!, sub === 'disable', actor));
        console.log(t(sub === 'disable' ? 'cli.user.disabled' : 'cli.user.enabled', { username: user.username }));
        return 0;
      }
      case 'reset-password': {
        const password = await passwordFromStdin();
        const { user, generatedPassword } = await withStore((store) => resetPassword(store, username!, password, actor));
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
  }
}
