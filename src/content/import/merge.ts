import { isLocalizedText } from '../../domain/localized-text.ts';
import type { Draft } from './draft.ts';

/** Where the language versions of a description differ in structure, for the report. */
export interface Disagreement {
  /** The field, e.g. `dataContent.groups[1].items`. */
  path: string;
  kind: 'onlyIn' | 'count' | 'value';
  /** For `onlyIn`, the languages that have it; for `count`, the count per language; for `value`, the values. */
  detail: string;
}

/** One register from the drafts of the same description in several languages. */
export interface Merged {
  data: Record<string, unknown>;
  disagreements: Disagreement[];
}

const formatPath = (path: (string | number)[]) =>
  path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${key}` : key), '');

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The languages in which a value has text. */
function languagesIn(value: unknown): Set<string> {
  if (isLocalizedText(value)) return new Set(Object.keys(value));
  if (Array.isArray(value)) return new Set(value.flatMap((item) => [...languagesIn(item)]));
  if (isPlainObject(value)) return new Set(Object.values(value).flatMap((item) => [...languagesIn(item)]));
  return new Set();
}

/**
 * Merges the drafts of one description in several languages, section by section and item by item: texts join as
 * language versions of one localized text, lists are aligned by position (statute references by citation), and
 * every place where the versions differ in structure is reported.
 */
export function mergeDrafts(drafts: readonly Draft[]): Merged {
  const disagreements: Disagreement[] = [];
  let data: unknown = drafts[0]?.data ?? {};
  drafts.slice(1).forEach((draft, index) => {
    const sides = {
      left: drafts
        .slice(0, index + 1)
        .map((earlier) => earlier.lang)
        .join('+'),
      right: draft.lang,
      out: disagreements,
    };
    data = merge(data, draft.data, [], sides);
  });
  return { data: data as Record<string, unknown>, disagreements };
}

interface Sides {
  left: string;
  right: string;
  out: Disagreement[];
}

function merge(a: unknown, b: unknown, path: (string | number)[], sides: Sides): unknown {
  const { out } = sides;
  if (a === undefined || b === undefined) {
    const present = a ?? b;
    // A missing list element is already a difference in count.
    if (path.length > 0 && typeof path.at(-1) !== 'number') {
      out.push({
        path: formatPath(path),
        kind: 'onlyIn',
        detail: [...languagesIn(present)].join(', ') || (a === undefined ? sides.right : sides.left),
      });
    }
    return present;
  }
  if (isLocalizedText(a) && isLocalizedText(b)) return { ...b, ...a };
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.every((item) => isPlainObject(item) && 'ref' in item) && b.every((item) => isPlainObject(item) && 'ref' in item)) {
      return mergeByRef(a as Record<string, unknown>[], b as Record<string, unknown>[], path, sides);
    }
    if (a.length !== b.length) out.push({ path: formatPath(path), kind: 'count', detail: countDetail(a, b, sides) });
    return Array.from({ length: Math.max(a.length, b.length) }, (_, index) => merge(a[index], b[index], [...path, index], sides));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    return Object.fromEntries(keys.map((key) => [key, merge(a[key], b[key], [...path, key], sides)]));
  }
  if (a !== b) out.push({ path: formatPath(path), kind: 'value', detail: `${String(a)} / ${String(b)}` });
  return a;
}

/** Statute references align by their citation, so that two lists of acts in a different order still match. */
function mergeByRef(
  a: Record<string, unknown>[],
  b: Record<string, unknown>[],
  path: (string | number)[],
  sides: Sides,
): Record<string, unknown>[] {
  const result = a.map((item) => ({ ...item }));
  const remaining = [...b];
  result.forEach((item, index) => {
    const match = remaining.findIndex((other) => other.ref === item.ref);
    if (match < 0) return;
    result[index] = merge(item, remaining[match], [...path, index], sides) as Record<string, unknown>;
    remaining.splice(match, 1);
  });
  if (remaining.length > 0 || result.length !== b.length)
    sides.out.push({ path: formatPath(path), kind: 'count', detail: countDetail(a, b, sides) });
  return [...result, ...remaining];
}

const countDetail = (a: unknown[], b: unknown[], sides: Sides) => `${sides.left} ${a.length}, ${sides.right} ${b.length}`;
