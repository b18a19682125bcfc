import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './cli.ts';

export interface PageRoute {
  /** The route as Astro names it: `/[lang]/staff/users`. */
  route: string;
  file: string;
  /** Whether the page or endpoint does something with a POST. */
  handlesPost: boolean;
}

const PAGES = path.join(ROOT, 'src', 'pages');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? files(file) : [file];
  });
}

/** Every route in src/pages, as Astro names it, read from the files themselves. */
export function pageRoutes(): PageRoute[] {
  return files(PAGES).map((file) => {
    const relative = path.relative(PAGES, file).split(path.sep).join('/');
    const route = `/${relative.replace(/\.(astro|ts)$/u, '').replace(/(^|\/)index$/u, '')}`;
    const source = readFileSync(file, 'utf8');
    return { route, file, handlesPost: /export const (POST|ALL)\b|request\.method === 'POST'/u.test(source) };
  });
}

/** Example values for the route parameters, so each route can be requested. */
const EXAMPLES: Record<string, string> = {
  lang: 'fi',
  collection: 'rekisterit',
  id: 'helsinki-atj',
  page: 'omat-tiedot',
  reference: 'TS-2026-000001',
  file: 'TS-2026-000001-acknowledgement',
  name: 'register',
  number: '1',
  secret: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
};

/** A path that Astro routes to `route`. */
export function examplePath(route: string): string {
  return route.replace(/\[([^\]]+)\]/gu, (_, name: string) => {
    const value = EXAMPLES[name];
    if (!value) throw new Error(`no example value for the route parameter [${name}]: add one to test/support/routes.ts`);
    return value;
  });
}
