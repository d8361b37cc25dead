// A throwaway PostgreSQL server for tests: Debian's binaries, a fresh cluster in a temp folder,
// a unix socket only (no port to collide on), C.UTF-8 so text sorts byte-wise like SQLite's
// BINARY collation. PostgreSQL refuses to run as root, so as root it runs as the postgres user.
// Absent binaries: tests skip with the reason locally, and fail under CI=true (.ci/run installs
// the postgresql package, so a missing one must not hide behind a green run).
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

function binDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0]!, 'bin') : null;
}

/** Why PostgreSQL tests cannot run here, or null when they can. Throws under CI instead of skipping. */
export function postgresMissing(): string | null {
  if (binDir()) return null;
  const reason = 'PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): `apt-get install postgresql`, as .ci/run does';
  if (process.env.CI === 'true') throw new Error(reason);
  return reason;
}

export interface PostgresServer {
  client: pg.Client;
  version: string;
  stop(): Promise<void>;
}

function run(bin: string, args: string[], asPostgres: boolean): void {
  const [cmd, argv] = asPostgres ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  const r = spawnSync(cmd, argv, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${bin} ${args.join(' ')} failed (${r.status}): ${r.stderr || r.stdout}`);
}

export async function startPostgres(): Promise<PostgresServer> {
  const bin = binDir();
  if (!bin) throw new Error(postgresMissing() ?? 'PostgreSQL is not installed');
  const asPostgres = process.getuid?.() === 0;
  // Short: a unix socket path is limited to ~107 bytes.
  const dir = mkdtempSync('/tmp/segwb-pg-');
  const sock = join(dir, 'sock');
  mkdirSync(sock);
  if (asPostgres) spawnSync('chown', ['-R', 'postgres:postgres', dir]);
  else chmodSync(dir, 0o700);
  run(join(bin, 'initdb'), ['-D', join(dir, 'data'), '-U', 'segwb', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8'], asPostgres);
  const options = `-k ${sock} -c listen_addresses='' -c fsync=off -c full_page_writes=off -c synchronous_commit=off`;
  run(join(bin, 'pg_ctl'), ['-D', join(dir, 'data'), '-l', join(dir, 'log'), '-w', '-o', options, 'start'], asPostgres);
  const client = new pg.Client({ host: sock, user: 'segwb', database: 'postgres' });
  await client.connect();
  const version = (await client.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version;
  return {
    client,
    version,
    async stop() {
      await client.end().catch(() => {});
      run(join(bin, 'pg_ctl'), ['-D', join(dir, 'data'), '-m', 'fast', 'stop'], asPostgres);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Copies a workspace's customers and events into the documented raw layout on the server (batched inserts). */
export async function loadWorkspace(client: pg.Client, db: { iterateArrays(sql: string): Iterable<unknown[]> }, tables: { customers: readonly string[]; events: readonly string[] }): Promise<void> {
  for (const [table, columns] of [['customers', tables.customers], ['events', tables.events]] as const) {
    const batch: unknown[][] = [];
    const flush = async () => {
      if (!batch.length) return;
      const values = batch.map((_, r) => `(${columns.map((__, c) => `$${r * columns.length + c + 1}`).join(', ')})`).join(', ');
      await client.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values}`, batch.flat());
      batch.length = 0;
    };
    for (const row of db.iterateArrays(`SELECT ${columns.join(', ')} FROM ${table}`)) {
      batch.push(row);
      if (batch.length * columns.length >= 60_000) await flush();
    }
    await flush();
  }
  await client.query('ANALYZE');
}
