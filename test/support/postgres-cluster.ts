// A throwaway PostgreSQL cluster on a free loopback port, for the suite and the benchmark. initdb and postgres refuse
// to run as root, so as root they run as the `postgres` user that Debian's package creates.
//   node test/support/postgres-cluster.ts start DIR   prints the server's URL
//   node test/support/postgres-cluster.ts stop DIR
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

function binDir(): string {
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .map(Number)
      .filter((version) => version >= 15)
      .sort((a, b) => b - a);
    if (versions.length) return path.join(debian, String(versions[0]), 'bin');
  }
  const found = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).stdout.trim();
  if (found) return path.dirname(found);
  throw new Error('PostgreSQL 15 or newer is not installed (apt-get install postgresql; .ci/run does it)');
}

const asRoot = process.getuid?.() === 0;

/** Runs a PostgreSQL program, as the postgres user when we are root. */
function run(program: string, args: string[]): string {
  const binary = path.join(binDir(), program);
  const [command, commandArgs] = asRoot ? ['runuser', ['-u', 'postgres', '--', binary, ...args]] : [binary, args];
  return execFileSync(command, commandArgs, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface Cluster {
  url: string;
  stop: () => void;
}

/** Creates and starts a cluster in `dir` (which must not exist yet); `durable: false` turns fsync off for speed. */
export async function startCluster(dir: string, options: { durable?: boolean } = {}): Promise<Cluster> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const data = path.join(dir, 'data');
  const sockets = path.join(dir, 'sockets');
  mkdirSync(sockets, { recursive: true });
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
    chownSync(sockets, uid, gid);
  }
  run('initdb', ['-D', data, '--auth=trust', '-U', 'postgres', '--encoding=UTF8', '--locale=C.UTF-8']);
  const port = await freePort();
  const settings = [`port = ${port}`, "listen_addresses = '127.0.0.1'", `unix_socket_directories = '${sockets}'`, 'max_connections = 200'];
  if (options.durable === false) settings.push('fsync = off', 'synchronous_commit = off', 'full_page_writes = off');
  appendFileSync(path.join(data, 'postgresql.conf'), `\n# Seloste's test cluster\n${settings.join('\n')}\n`);
  run('pg_ctl', ['-D', data, '-w', '-l', path.join(dir, 'server.log'), 'start']);
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop: () => stopCluster(dir) };
}

export function stopCluster(dir: string): void {
  const data = path.join(dir, 'data');
  if (existsSync(path.join(data, 'postmaster.pid'))) run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
}

if (import.meta.main) {
  const [command, dir] = process.argv.slice(2);
  if (command === 'start' && dir) console.log((await startCluster(path.resolve(dir), { durable: false })).url);
  else if (command === 'stop' && dir) stopCluster(path.resolve(dir));
  else {
    console.error('usage: postgres-cluster.ts start|stop DIR');
    process.exitCode = 2;
  }
}
