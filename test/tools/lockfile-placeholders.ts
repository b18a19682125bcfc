// Adds lock-file entries for the platform binaries of @astrojs/compiler-binding that the npm registry mirror used
// here does not carry, so that `npm ci` accepts the lock file (npm omits them from the lock when it cannot resolve
// them, then refuses the lock as out of sync). They are optional and never installed on linux-x64.
// Run `npm run lock:fix` after every `npm install` that rewrites package-lock.json. See docs/decisions/0001.
import { readFileSync, writeFileSync } from 'node:fs';

const LOCK = 'package-lock.json';
const PLATFORMS: Record<string, { os?: string[]; cpu: string[]; libc?: string[] }> = {
  'android-arm64': { os: ['android'], cpu: ['arm64'] },
  'darwin-arm64': { os: ['darwin'], cpu: ['arm64'] },
  'darwin-x64': { os: ['darwin'], cpu: ['x64'] },
  'linux-arm64-gnu': { os: ['linux'], cpu: ['arm64'], libc: ['glibc'] },
  'linux-arm64-musl': { os: ['linux'], cpu: ['arm64'], libc: ['musl'] },
  'wasm32-wasi': { cpu: ['wasm32'] },
  'win32-arm64-msvc': { os: ['win32'], cpu: ['arm64'] },
  'win32-x64-msvc': { os: ['win32'], cpu: ['x64'] },
};

const lock = JSON.parse(readFileSync(LOCK, 'utf8')) as { packages: Record<string, Record<string, unknown>> };
const binding = lock.packages['node_modules/@astrojs/compiler-binding'];
if (!binding) throw new Error('@astrojs/compiler-binding is not in the lock file');
const added: string[] = [];
for (const [platform, fields] of Object.entries(PLATFORMS)) {
  const key = `node_modules/@astrojs/compiler-binding-${platform}`;
  if (lock.packages[key]) continue;
  lock.packages[key] = { version: binding.version, license: 'MIT', optional: true, ...fields };
  added.push(key);
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync(LOCK, `${JSON.stringify(lock, null, 2)}\n`);
console.log(added.length ? `Added ${added.length} placeholder entries` : 'The lock file already has every platform entry');
