// Adds lock-file entries for platform binaries that the npm registry mirror used here does not carry (for example
// @astrojs/compiler-binding-darwin-arm64 0.5.1 and @napi-rs/canvas-win32-x64-msvc), so that `npm ci` accepts the lock
// file. npm leaves out optional dependencies it cannot resolve, then refuses the lock as out of sync. The entries
// carry the platform's os and cpu, so npm never tries to fetch them on linux-x64.
// Run `npm run lock:fix` after every `npm install` that rewrites package-lock.json. See docs/decisions/0001.
import { readFileSync, writeFileSync } from 'node:fs';

const LOCK = 'package-lock.json';
const PLATFORM =
  /-(android|darwin|linux|win32|freebsd|openbsd|sunos|aix)-(x64|arm64|arm|ia32|riscv64|s390x|ppc64|loong64)(?:-(gnu|musl|gnueabihf|musleabihf|msvc|eabi))?$/u;

type Entry = Record<string, unknown> & { version?: string; optionalDependencies?: Record<string, string> };
const lock = JSON.parse(readFileSync(LOCK, 'utf8')) as { packages: Record<string, Entry> };

function platformFields(name: string): Record<string, string[]> | undefined {
  if (name.endsWith('-wasm32-wasi')) return { cpu: ['wasm32'] };
  const match = PLATFORM.exec(name);
  if (!match) return undefined;
  const libc = match[3] === 'gnu' || match[3] === 'gnueabihf' ? ['glibc'] : match[3]?.startsWith('musl') ? ['musl'] : undefined;
  return { os: [match[1]!], cpu: [match[2]!], ...(libc && match[1] === 'linux' ? { libc } : {}) };
}

/** Where npm would look for `name` when resolving it from the package at `parent`: nearest node_modules upwards. */
function resolvedPath(parent: string, name: string): string | undefined {
  const segments = parent.split('/node_modules/');
  for (let depth = segments.length; depth > 0; depth--) {
    const candidate = `${segments.slice(0, depth).join('/node_modules/')}/node_modules/${name}`.replace(
      /^\/node_modules\//u,
      'node_modules/',
    );
    if (lock.packages[candidate]) return candidate;
  }
  return lock.packages[`node_modules/${name}`] ? `node_modules/${name}` : undefined;
}

const added: string[] = [];
for (const [parent, entry] of Object.entries(lock.packages)) {
  for (const [name, range] of Object.entries(entry.optionalDependencies ?? {})) {
    if (resolvedPath(parent, name)) continue;
    const fields = platformFields(name);
    if (!fields) {
      console.warn(`Not a platform binary, left alone: ${name} (optional dependency of ${parent || 'the project'})`);
      continue;
    }
    const key = lock.packages[`node_modules/${name}`] ? `${parent}/node_modules/${name}` : `node_modules/${name}`;
    lock.packages[key] = { version: range.replace(/^[\^~=]/u, ''), license: 'MIT', optional: true, ...fields };
    added.push(key);
  }
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync(LOCK, `${JSON.stringify(lock, null, 2)}\n`);
console.log(
  added.length ? `Added ${added.length} placeholder entries:\n  ${added.join('\n  ')}` : 'The lock file already has every platform entry',
);
