import * as z from 'zod';
import { isValidBusinessId } from '../../domain/business-id.ts';
import { LANGS, type Lang } from '../../domain/language.ts';
import { phraseRegExp, vocabulary, type LabelKind } from './vocabulary.ts';

/** What the lines of a contact section say: a person or unit, and how to reach them. */
export interface ParsedParty {
  name?: string;
  title?: string;
  /** Unit lines, one per line as the source writes them. */
  unit?: string;
  email?: string;
  phone?: string;
  url?: string;
  postalAddress?: string;
  visitingAddress?: string;
  businessId?: string;
  /** Text that is none of these, kept as written. */
  notes: string[];
  /** Values written differently from the source: "ulla.forsberg(a)siuntio.fi" became an e-mail address. */
  conversions: { from: string; to: string }[];
}

/** How unclassified text is read: a person's post, the responsible unit, or the controlling body. */
type PartyRole = 'person' | 'responsible' | 'controller';

const EMAIL =
  /[\p{L}\p{N}._%+-]+\s?(?:@|\\?\(a\\?\)|\[at\]|\(at\)|\s\[at\]\s)\s?[\p{L}\p{N}-]+(?:(?:\.|\[dot\]|\(dot\))[\p{L}\p{N}-]+)*(?:\.|\[dot\]|\(dot\))\p{L}{2,}/giu;
const URL_PATTERN = /\b(?:https?:\/\/|www\.)[^\s,;)]+/giu;
const BUSINESS_ID = /(?<!\d)(\d{7}-\d)(?!\d)/gu;
const PHONE =
  /(?:(?<![\p{L}])(?:puh(?:elin)?|p|tel|tfn|telefon|phone|gsm|mobile|vaihde|växel|switchboard)\.?\s*:?\s*)?(\+?\d[\d ()\-–—/]{5,20}\d)/giu;
const POSTCODE = /(?<!\d)\d{5}\s+\p{L}/u;
const BOX = /(?<![\p{L}])(?:PL|PB|P\.\s?O\.\s?Box|Postbox|Box)\s*\d{1,5}/u;
const STREET = /\p{Lu}[\p{Ll}-]+(?:\s+[\p{Ll}-]+)*\s+\d{1,4}(?:\s?[A-Z](?![\p{L}]))?(?:\s?[a-z]?\s?\d{1,3})?(?![\d])/gu;
const NAME_TOKEN = /^\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)*$/u;
const COMPANY_FORMS = new Set(['oy', 'oyj', 'ab', 'ry', 'ltd', 'inc', 'sr', 'ky', 'ky:n']);

const emailSchema = z.email();

function labelsOf(kind: LabelKind): string[] {
  const { languages } = vocabulary();
  return LANGS.flatMap((lang) => languages[lang].labels[kind]);
}

/** A label at the start of a line ("Osoite :", "puh", "Kontaktuppgifter:") and the text after it. */
function leadingLabel(line: string): { kind: LabelKind; rest: string } | undefined {
  const kinds: LabelKind[] = ['other', 'postalAddress', 'visitingAddress', 'email', 'phone', 'businessId', 'name', 'title', 'unit'];
  let best: { kind: LabelKind; rest: string; length: number } | undefined;
  for (const kind of kinds) {
    for (const label of labelsOf(kind)) {
      const escaped = label.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
      // A one-letter label ("p. 09 …") needs its punctuation and a number after it; a longer one may be followed by
      // the value directly.
      const pattern = label.length <= 2 ? `^${escaped}\\s*[.:]\\s*(?=[+\\d(])` : `^${escaped}(?:\\s*[:.]\\s*|\\s+(?=[\\p{L}\\d+(]))`;
      const match = new RegExp(pattern, 'iu').exec(line);
      if (match && (!best || match[0].length > best.length)) best = { kind, rest: line.slice(match[0].length), length: match[0].length };
    }
  }
  return best && { kind: best.kind, rest: best.rest };
}

/** Removes a matched value from a line, leaving its separators for the clean-up. */
const cut = (line: string, index: number, length: number) => `${line.slice(0, index)} ${line.slice(index + length)}`;

/** The text of a line once its values are taken out, without the separators and labels they leave behind. */
function leftover(text: string): string {
  const labels = (['email', 'phone', 'postalAddress', 'visitingAddress', 'businessId', 'other', 'name', 'title'] as const).flatMap(
    labelsOf,
  );
  const labelled = new RegExp(
    `(?<![\\p{L}])(?:${labels.map((label) => label.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')).join('|')})\\s*:`,
    'giu',
  );
  return text
    .replace(labelled, ',')
    .split(/\s*[,;]\s*|\s+\/\s*$|^\s*\/\s+/u)
    .map((segment) => segment.replace(/^[\s:./–—-]+|[\s:/–—-]+$/gu, '').trim())
    .filter((segment) => segment.length > 0 && /[\p{L}\p{N}]/u.test(segment))
    .filter((segment) => !labels.some((label) => new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}\\.?$`, 'iu').test(segment)))
    .join(', ');
}

/**
 * Reads contact lines: labels, e-mail addresses (also written "(a)" or "[at]"), telephone numbers, business IDs,
 * web addresses, postal addresses (a street or box before a postcode), a person's name, their post and unit.
 */
export function parseParty(lines: string[], role: PartyRole, organisationNames: string[] = []): ParsedParty {
  const party: ParsedParty = { notes: [], conversions: [] };
  const units: string[] = [];
  const pending = lines.map((line) => line.trim()).filter((line) => line.length > 0);
  for (let index = 0; index < pending.length; index++) {
    let line = pending[index]!.replace(/\\([()[\]])/gu, '$1');
    const label = leadingLabel(line);
    if (label) line = label.rest;

    for (const match of [...line.matchAll(EMAIL)].reverse()) {
      const address = match[0]
        .replace(/\s?(?:\(a\)|\[at\]|\(at\))\s?/iu, '@')
        .replace(/\[dot\]|\(dot\)/giu, '.')
        .replace(/\s/gu, '');
      if (!emailSchema.safeParse(address).success) continue;
      if (party.email === undefined) {
        party.email = address;
        if (address !== match[0]) party.conversions.push({ from: match[0], to: address });
      } else party.notes.push(address);
      line = cut(line, match.index, match[0].length);
    }
    for (const match of [...line.matchAll(URL_PATTERN)].reverse()) {
      const url = match[0].startsWith('www.') ? `https://${match[0]}` : match[0];
      if (party.url === undefined) party.url = url;
      else party.notes.push(url);
      line = cut(line, match.index, match[0].length);
    }
    for (const match of [...line.matchAll(BUSINESS_ID)].reverse()) {
      if (!isValidBusinessId(match[1]!)) continue;
      party.businessId ??= match[1]!;
      line = cut(line, match.index, match[0].length);
    }
    for (const match of [...line.matchAll(PHONE)].reverse()) {
      const number = match[1]!;
      const digits = number.replace(/\D/gu, '').length;
      const labelled = match[0] !== number || label?.kind === 'phone';
      if (digits < 6 || (!labelled && !/^[+0]/u.test(number)) || BOX.test(line.slice(Math.max(0, match.index - 6), match.index + 2)))
        continue;
      if (party.phone === undefined) party.phone = number.trim();
      else party.notes.push(match[0].trim());
      line = cut(line, match.index, match[0].length);
    }

    const addressKind = label?.kind === 'visitingAddress' ? 'visitingAddress' : 'postalAddress';
    const address =
      label?.kind === 'postalAddress' || label?.kind === 'visitingAddress' ? { start: 0 } : addressStart(line, pending[index + 1]);
    if (address && /[\p{L}\p{N}]/u.test(line.slice(address.start))) {
      const rows = [line.slice(address.start).trim()];
      // A street on its own line continues on the next lines up to the postcode.
      while (!POSTCODE.test(rows.at(-1)!) && pending[index + 1] && (POSTCODE.test(pending[index + 1]!) || BOX.test(pending[index + 1]!))) {
        rows.push(pending[++index]!.trim());
      }
      const text = rows.map((row) => breakAddress(row.replace(/[\s,;]+$/u, ''))).join('\n');
      party[addressKind] = party[addressKind] ? `${party[addressKind]}\n${text}` : text;
      line = line.slice(0, address.start);
    }
    const rest = leftover(line);
    if (rest.length > 0) classify(rest, label?.kind, party, units, role, organisationNames);
  }
  if (units.length > 0) party.unit = units.join('\n');
  return party;
}

/** An address written on one line without commas ("Andra linjen 4 A PB 6000 00099 HELSINGFORS STAD") gets a row per part. */
function breakAddress(text: string): string {
  return text
    .replace(/(?<=[^\s,])(?<!P\.\s?O\.)\s+(?=(?:PL|PB|P\.\s?O\.\s?Box|Box)\s*\d)/gu, '\n')
    .replace(/(?<=[^\s,])\s+(?=\d{5}\s+\p{L})/gu, '\n');
}

/** Where a postal address starts in a line: at a street or a post-office box before a postcode, or at the postcode. */
function addressStart(line: string, next: string | undefined): { start: number } | undefined {
  const postcode = POSTCODE.exec(line);
  const box = BOX.exec(line);
  if (!postcode) {
    // "Puistopolku 1" or "Toinen linja 4 A, PL 6000" alone, with the postcode on the next line.
    const streets = [...line.matchAll(STREET)];
    const beforeBox = box ? streets.find((street) => box.index - (street.index + street[0].length) <= 3) : undefined;
    const atEnd = streets.at(-1);
    if (next && POSTCODE.test(next) && (box || (atEnd && atEnd.index + atEnd[0].length >= line.trimEnd().length - 1))) {
      return { start: beforeBox?.index ?? box?.index ?? atEnd!.index };
    }
    return box ? { start: beforeBox?.index ?? box.index } : undefined;
  }
  const limit = box && box.index < postcode.index ? box.index : postcode.index;
  const street = [...line.slice(0, limit).matchAll(STREET)].find((match) => limit - (match.index + match[0].length) <= 3);
  return { start: street?.index ?? limit };
}

/** A name of two or three capitalised words at the end or the start of a text, and what is left. */
function splitName(text: string, organisationNames: string[]): { name?: string; rest: string } {
  const words = text.split(/\s+/u);
  const lead = /^((?:\p{Lu}[\p{L}-]+\s+){1,2}\p{Lu}[\p{L}-]+)\s*,\s*(.+)$/u.exec(text);
  const isName = (tokens: string[]) =>
    tokens.length >= 2 &&
    tokens.every(
      (token) => NAME_TOKEN.test(token) && !COMPANY_FORMS.has(token.toLowerCase()) && !isUnitWord(token) && !isPostWord(token),
    ) &&
    !organisationNames.some((name) => name.toLocaleLowerCase('fi') === tokens.join(' ').toLocaleLowerCase('fi'));
  for (const size of [3, 2]) {
    const tail = words.slice(-size);
    const before = words.at(-size - 1);
    // A name may follow a capitalised post ("Rakennustarkastaja Pekka Esimerkki"), not another capitalised word.
    if (words.length >= size && isName(tail) && (before === undefined || !NAME_TOKEN.test(before) || isPostWord(before))) {
      return { name: tail.join(' '), rest: words.slice(0, -size).join(' ') };
    }
  }
  if (lead && isName(lead[1]!.split(/\s+/u))) return { name: lead[1]!, rest: lead[2]! };
  return { rest: text };
}

const wordList = (kind: 'posts' | 'units') => {
  const { languages } = vocabulary();
  return LANGS.flatMap((lang) => languages[lang].people[kind]);
};
const isPostWord = (token: string) => wordList('posts').some((post) => token.toLocaleLowerCase('fi').includes(post));
const isUnitWord = (token: string) => wordList('units').some((unit) => token.toLocaleLowerCase('fi').includes(unit));

function classify(
  segment: string,
  label: LabelKind | undefined,
  party: ParsedParty,
  units: string[],
  role: PartyRole,
  organisationNames: string[],
): void {
  if (label === 'name' && role !== 'controller') {
    party.name ??= segment;
    return;
  }
  const { name, rest } = role === 'controller' ? { rest: segment } : splitName(segment, organisationNames);
  if (name && party.name === undefined) party.name = name;
  else if (name) party.notes.push(name);
  const text = rest.replace(/[\s/,:–—-]+$/u, '').trim();
  if (text.length === 0) return;
  const tokens = text.split(/\s+/u);
  const isOrganisation = organisationNames.some((org) => org.toLocaleLowerCase('fi') === text.toLocaleLowerCase('fi'));
  const post = label === 'title' || isPostWord(tokens[0]!) || isPostWord(tokens.at(-1)!);
  const unit = label === 'unit' || isOrganisation || tokens.some(isUnitWord);
  if (role === 'controller') units.push(text);
  else if (post && party.title === undefined) party.title = text;
  else if (unit || role === 'responsible') units.push(text);
  else if (party.title === undefined && tokens.some(isPostWord)) party.title = text;
  else if (party.title === undefined && role === 'person' && party.name === undefined) party.title = text;
  else party.notes.push(text);
}

/**
 * Splits the text of a section that names several people ("… Ulla Forsberg, puh …, sähköposti: … sekä
 * sosiaalipalvelupäällikkö Karin Heerman, …") after each e-mail address; paragraphs that each have a name or an
 * address are people of their own.
 */
export function splitPeople(paragraphs: string[], lang: Lang): string[][] {
  const text = paragraphs.join('\n');
  const emails = [...text.matchAll(EMAIL)];
  if (emails.length < 2) return [paragraphs.flatMap((paragraph) => paragraph.split('\n'))];
  const connectors = vocabulary().languages[lang].people.connectors;
  const chunks: string[] = [];
  let start = 0;
  for (const email of emails) {
    const end = email.index + email[0].length;
    chunks.push(text.slice(start, end));
    start = end;
  }
  const tail = text.slice(start).trim();
  if (/[\p{L}\p{N}]/u.test(tail)) chunks[chunks.length - 1] += tail;
  return chunks.map((chunk) => {
    let clean = chunk.replace(/^[\s.,;]+/u, '');
    for (const connector of connectors) clean = clean.replace(new RegExp(`^${phraseRegExp(connector).source}\\s+`, 'iu'), '');
    return clean.split('\n').filter((line) => line.trim().length > 0);
  });
}
