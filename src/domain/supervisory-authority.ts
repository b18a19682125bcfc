import type { Lang } from './language.ts';

/**
 * The Finnish supervisory authority (GDPR Art 51, Data Protection Act 1050/2018 §8), as it publishes its own contact
 * details (tietosuoja.fi). Reference data: check it when the Office moves or renames itself.
 */
export const SUPERVISORY_AUTHORITY = {
  verified: '2026-11-23',
  name: { fi: 'Tietosuojavaltuutetun toimisto', sv: 'Dataombudsmannens byrå', en: 'Office of the Data Protection Ombudsman' },
  visitingAddress: {
    fi: 'Lintulahdenkuja 4, 00530 Helsinki',
    sv: 'Fågelviksgränden 4, 00530 Helsingfors',
    en: 'Lintulahdenkuja 4, 00530 Helsinki',
  },
  postalAddress: { fi: 'PL 800, 00531 Helsinki', sv: 'PB 800, 00531 Helsingfors', en: 'P.O. Box 800, 00531 Helsinki, Finland' },
  phone: { fi: '029 566 6700', sv: '029 566 6700', en: '+358 29 566 6700' },
  email: 'tietosuoja@om.fi',
  website: { fi: 'https://tietosuoja.fi', sv: 'https://tietosuoja.fi/sv', en: 'https://tietosuoja.fi/en' },
} as const satisfies {
  verified: string;
  name: Record<Lang, string>;
  visitingAddress: Record<Lang, string>;
  postalAddress: Record<Lang, string>;
  phone: Record<Lang, string>;
  email: string;
  website: Record<Lang, string>;
};
