import { can } from '../domain/access.ts';
import type { Lang } from '../domain/language.ts';
import { ROLES, roleSchema, EVERY_ORGANISATION, type Actor, type RolesByOrganisation } from '../domain/user.ts';
import type { Store } from '../store/index.ts';
import { AccountError, addUser, setDisabled } from './accounts.ts';
import { organisationNames } from './catalogue.ts';

/** The organisations an administrator may give roles in, with their names; `*` first when they administer all. */
export async function organisationChoices(actor: Actor, lang: Lang, everyLabel: string): Promise<{ id: string; name: string }[]> {
  const names = await organisationNames(lang);
  return [
    ...(can(actor, 'users.manage', EVERY_ORGANISATION) ? [{ id: EVERY_ORGANISATION, name: everyLabel }] : []),
    ...[...names].filter(([id]) => can(actor, 'users.manage', id)).map(([id, name]) => ({ id, name })),
  ];
}

export interface UserFormValues {
  username: string;
  name: string;
  organisation: string;
  roles: string[];
}

/** The outcome of a post to the users page: where to go next and what to say there, or the error and what was typed. */
export type UserFormResult = { ok: true; flash: Record<string, string> } | { ok: false; error: string; values: UserFormValues };

/**
 * Carries out one action posted from the users page (`intent` names it). Every refusal is an i18n key, and what was
 * typed comes back so the form can show it again.
 */
export async function applyUserAction(store: Store, form: FormData, actor: Actor): Promise<UserFormResult> {
  const field = (name: string, max: number) =>
    String(form.get(name) ?? '')
      .trim()
      .slice(0, max);
  const values: UserFormValues = {
    username: field('username', 64),
    name: field('name', 100),
    organisation: field('organisation', 64),
    roles: form
      .getAll('roles')
      .map(String)
      .filter((role) => (ROLES as readonly string[]).includes(role)),
  };
  try {
    switch (field('intent', 20)) {
      case 'create': {
        if (values.roles.length === 0) throw new AccountError('account.role.invalid');
        const roles: RolesByOrganisation = { [values.organisation]: values.roles.map((role) => roleSchema.parse(role)) };
        const result = await addUser(store, { username: values.username, name: values.name, roles }, actor);
        return { ok: true, flash: { kind: 'created', username: result.user.username, password: result.generatedPassword! } };
      }
      case 'disable':
      case 'enable': {
        const disable = field('intent', 20) === 'disable';
        const user = await setDisabled(store, values.username, disable, actor);
        return { ok: true, flash: { kind: disable ? 'disabled' : 'enabled', username: user.username } };
      }
      default:
        throw new AccountError('account.intent.invalid');
    }
  } catch (error) {
    if (error instanceof AccountError) return { ok: false, error: error.code, values };
    throw error;
  }
}
