import { LANGS } from '../../domain/language.ts';
import { linesOf, use, type Placer, type PlaceContext } from './draft.ts';
import { parseParty, splitPeople, type ParsedParty } from './people.ts';

const organisationNames = (context: PlaceContext) => LANGS.flatMap((lang) => context.organisation.name[lang] ?? []);

const allLines = (context: PlaceContext) =>
  context.section.blocks.flatMap((block) => (block.type === 'item' ? [block.text] : linesOf(block)));

/** How to reach a party, as the model's Contact: addresses per language, one telephone and e-mail, notes. */
function contactOf(party: ParsedParty, context: PlaceContext, extraNotes: string[] = []): Record<string, unknown> {
  const { draft } = context;
  const contact: Record<string, unknown> = {};
  if (party.postalAddress) contact.postalAddress = draft.loc(party.postalAddress);
  if (party.visitingAddress) contact.visitingAddress = draft.loc(party.visitingAddress);
  if (party.phone) contact.phone = party.phone;
  if (party.email) contact.email = party.email;
  if (party.url) contact.url = party.url;
  const notes = [...extraNotes, ...party.notes];
  if (notes.length > 0) contact.note = draft.loc(notes.join('\n'));
  for (const conversion of party.conversions) draft.conversions.push({ ...conversion, field: 'email' });
  return contact;
}

function personOf(party: ParsedParty, context: PlaceContext): Record<string, unknown> {
  const person: Record<string, unknown> = {};
  if (party.name) person.name = party.name;
  if (party.title) person.title = context.draft.loc(party.title);
  if (party.unit) person.unit = context.draft.loc(party.unit);
  return { ...person, ...contactOf(party, context) };
}

/**
 * The controller: the organisation given to the import, with the organ that acts for it ("Siuntion
 * perusturvalautakunta") and its contact details. A name or business ID that is the organisation's own is taken
 * as the organisation; another business ID is kept in the contact's note for the DPO to check.
 */
export const controller: Placer = (context) => {
  const party = parseParty(allLines(context), 'controller', organisationNames(context));
  const notes: string[] = [];
  if (party.businessId && party.businessId !== context.organisation.businessId) notes.push(party.businessId);
  const entry: Record<string, unknown> = { organisation: context.organisation.id };
  if (party.unit) entry.body = context.draft.loc(party.unit);
  if (party.name) notes.unshift(party.name);
  const contact = contactOf(party, context, notes);
  if (Object.keys(contact).length > 0) entry.contact = contact;
  if (entry.body || entry.contact) context.draft.set(['controllers', 0], entry);
  use(context, entry.body || entry.contact ? 'controllers' : 'organisation', context.section.blocks);
};

/** The responsible unit and person: unit lines first, then the post or name and how to reach them. */
export const responsible: Placer = (context) => {
  const party = parseParty(allLines(context), 'responsible', organisationNames(context));
  const value: Record<string, unknown> = {};
  if (party.unit) value.unit = context.draft.loc(party.unit);
  const { unit: _unit, ...person } = personOf({ ...party, unit: undefined }, context);
  if (Object.keys(person).length > 0) value.person = person;
  if (Object.keys(value).length === 0) return;
  context.draft.set(['responsible'], value);
  use(context, 'responsible', context.section.blocks);
};

/** Contact persons, several when the text names several (one e-mail address each). */
export const contactPersons: Placer = (context) => {
  for (const lines of splitPeople(
    context.section.blocks.map((block) => block.text),
    context.lang,
  )) {
    const party = parseParty(lines, 'person', organisationNames(context));
    const person = personOf(party, context);
    if (Object.keys(person).length > 0) context.draft.push(['contactPersons'], person);
  }
  use(context, 'contactPersons', context.section.blocks);
};

/** The representative of a controller outside the EU (Art 27), as one person. */
export const representative: Placer = (context) => {
  const party = parseParty(allLines(context), 'person', organisationNames(context));
  const person = personOf(party, context);
  if (Object.keys(person).length === 0) return;
  context.draft.set(['representative'], person);
  use(context, 'representative', context.section.blocks);
};
