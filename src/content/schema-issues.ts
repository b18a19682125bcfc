import type * as z from 'zod';

/** A schema problem as an i18n key with parameters, at a field path. */
export interface SchemaProblem {
  path: PropertyKey[];
  key: string;
  params: Record<string, string | number>;
}

/** Shows an offending value briefly, so the author can find it: strings quoted, long ones cut. */
function shown(value: unknown): string {
  if (value === undefined) return '';
  const text = typeof value === 'string' ? `"${value}"` : (JSON.stringify(value) ?? String(value));
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/**
 * Turns zod issues into translatable problems. Our own refinements carry an `errors.*` key as their message;
 * zod's built-in checks are mapped by code, so every message exists in fi, sv and en.
 */
export function toSchemaProblems(issues: readonly z.core.$ZodIssue[]): SchemaProblem[] {
  return issues.flatMap((issue): SchemaProblem[] => {
    const path = [...issue.path];
    const value = shown(issue.input);
    const own = issue.message.startsWith('errors.') ? issue.message : undefined;
    switch (issue.code) {
      case 'unrecognized_keys':
        return issue.keys.map((key) => ({ path: [...path, key], key: 'errors.unknownField', params: { field: key } }));
      case 'invalid_type':
        if (issue.input === undefined) return [{ path, key: 'errors.required', params: {} }];
        return [{ path, key: 'errors.invalidType', params: { expected: issue.expected, received: typeName(issue.input), value } }];
      case 'invalid_value':
        return [{ path, key: 'errors.invalidValue', params: { value, allowed: issue.values.map((v) => String(v)).join(', ') } }];
      case 'too_small':
        if (own) return [{ path, key: own, params: { value } }];
        if (issue.origin === 'string') return [{ path, key: 'errors.text.empty', params: {} }];
        if (issue.origin === 'array') return [{ path, key: 'errors.list.empty', params: {} }];
        return [{ path, key: 'errors.number.tooSmall', params: { minimum: String(issue.minimum), value } }];
      case 'too_big':
        return [{ path, key: 'errors.tooBig', params: { maximum: String(issue.maximum), value } }];
      case 'invalid_union': {
        const nested = issue.errors.flat();
        const firstOwn = nested.find((inner) => inner.message.startsWith('errors.'));
        return [{ path, key: firstOwn?.message ?? 'errors.invalidValue', params: { value, allowed: '' } }];
      }
      default:
        if (own) return [{ path, key: own, params: { value, ...stringParams(issue) } }];
        return [{ path, key: 'errors.generic', params: { detail: issue.message, value } }];
    }
  });
}

function stringParams(issue: z.core.$ZodIssue): Record<string, string | number> {
  const params = 'params' in issue && issue.params && typeof issue.params === 'object' ? issue.params : {};
  return Object.fromEntries(
    Object.entries(params).filter(
      (entry): entry is [string, string | number] => typeof entry[1] === 'string' || typeof entry[1] === 'number',
    ),
  );
}
