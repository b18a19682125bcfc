/** Methods the server answers at all; anything else (TRACE, PUT, OPTIONS…) gets 405. */
export type Method = 'GET' | 'HEAD' | 'POST';

/**
 * Body size limits in bytes, by kind of route. A body over its route's limit gets 413 before it is read: by its
 * Content-Length at once, or, when it comes in chunks, as soon as it passes the limit.
 */
export const BODY_LIMITS = {
  /** Public pages and files take no body. */
  none: 0,
  /** Forms anyone can post, such as the login form: the smallest. */
  anonymous: 8 * 1024,
  /** Staff forms: users, requests, letters, reports. */
  form: 64 * 1024,
  /** The register editor posts a whole register (about 100 KB today). */
  registerEditor: 512 * 1024,
  /**
   * File uploads in a multipart form: attachments, proofs of authority, imported documents. The largest file taken
   * (an attachment, 12 MB) and room for the form's other fields and the multipart framing.
   */
  upload: 13 * 1024 * 1024,
} as const;
export type BodyLimit = keyof typeof BODY_LIMITS;

export interface RouteRule {
  /** The route as Astro names it, such as `/[lang]/staff/users`; a final `/**` also covers everything below it. */
  route: string;
  methods: readonly Method[];
  body: BodyLimit;
}

const READ_AND_POST: readonly Method[] = ['GET', 'HEAD', 'POST'];

/**
 * Every route that takes a form POST, with its body limit. Every other path answers GET and HEAD only and takes no
 * body, so a POST to a page without form handling gets 405. A test keeps this list and the pages in step: a page
 * that handles POST must be listed here, and a route listed here must exist (or end in `/**`).
 */
export const FORM_ROUTES: readonly RouteRule[] = [
  { route: '/[lang]/login', methods: READ_AND_POST, body: 'anonymous' },
  // Signing out posts an empty form, and only POST may do it.
  { route: '/[lang]/logout', methods: ['POST'], body: 'none' },
  { route: '/[lang]/staff/users', methods: READ_AND_POST, body: 'form' },
  { route: '/[lang]/staff/requests/new', methods: READ_AND_POST, body: 'form' },
  // A request's page also takes attachments (intent=attach), a multipart upload.
  { route: '/[lang]/staff/requests/[reference]', methods: READ_AND_POST, body: 'upload' },
  { route: '/[lang]/staff/reports/requests.csv', methods: READ_AND_POST, body: 'form' },
  { route: '/[lang]/staff/sosdata/notifications/[id]', methods: READ_AND_POST, body: 'form' },
  // Listed before the register's page, whose pattern it also matches.
  { route: '/[lang]/staff/registers/new', methods: READ_AND_POST, body: 'form' },
  // A register's page takes the review workflow's small forms; its list and preview take none.
  { route: '/[lang]/staff/registers/[id]', methods: READ_AND_POST, body: 'form' },
  { route: '/[lang]/staff/registers/[id]/edit/**', methods: READ_AND_POST, body: 'registerEditor' },
  { route: '/[lang]/staff/organisations/[id]', methods: READ_AND_POST, body: 'form' },
  // The citizen's e-form, one path per language; it may carry a representative's proof of authority.
  ...(['/fi/pyynto', '/sv/begaran', '/en/request'] as const).map((route) => ({ route, methods: READ_AND_POST, body: 'upload' as const })),
];

export const READ_ONLY: RouteRule = { route: '*', methods: ['GET', 'HEAD'], body: 'none' };

/** `/[lang]/staff/users` as a pattern on the decoded path, with the optional trailing slash Astro ignores. */
function compile(route: string): RegExp {
  const rest = route.endsWith('/**');
  const source = (rest ? route.slice(0, -3) : route)
    .split('/')
    .map((segment) => segment.replace(/\[[^\]]+\]|[^[]+/gu, (part) => (part.startsWith('[') ? '[^/]+' : RegExp.escape(part))))
    .join('/');
  return new RegExp(`^${source}${rest ? '(?:/.*)?' : '/?'}$`, 'u');
}

const COMPILED = FORM_ROUTES.map((rule) => ({ rule, pattern: compile(rule.route) }));
/** Every form route in one pattern, so that the many paths that match none are told so in one test. */
const ANY_FORM = new RegExp(COMPILED.map(({ pattern }) => `(?:${pattern.source})`).join('|'), 'u');

/** The rule for a decoded path: the first form route that matches it, else read-only. */
export function ruleFor(pathname: string): RouteRule {
  if (!ANY_FORM.test(pathname)) return READ_ONLY;
  return COMPILED.find(({ pattern }) => pattern.test(pathname))?.rule ?? READ_ONLY;
}
