import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { createDataSourceOptions } from '../data-source-options.js';
import { runMigrations } from '../run-migrations.js';

/** A throw-away database with every migration applied. */
export interface TestDatabase {
  /** Connection URL of the fresh database. */
  url: string;
  /** An initialised DataSource on it (with the entities passed in, if any). */
  dataSource: DataSource;
  /** Closes the DataSource and drops the database. */
  drop(): Promise<void>;
}

/** Options for `createTestDatabase`. */
export interface TestDatabaseOptions {
  /** Entities the DataSource should know (for repository integration tests). */
  entities?: DataSourceOptions['entities'];
  /** Skip the migrations (for testing the migrations themselves). */
  skipMigrations?: boolean;
}

const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/test';
const HOW_TO_START =
  'Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start ' +
  '(or set DATABASE_URL to a Postgres ≥ 14 where this user may create databases).';

/** The server tests use: DATABASE_URL, or the local test database. */
export function testServerUrl(): string {
  return process.env.DATABASE_URL ?? DEFAULT_URL;
}

/** Creates `switchyard_t_<random>` on the test server and applies the migrations. */
export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const serverUrl = testServerUrl();
  const name = `switchyard_t_${randomBytes(6).toString('hex')}`;
  await withAdminClient(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = withDatabase(serverUrl, name);
  const dataSource = new DataSource(createDataSourceOptions(url, options.entities ?? []));
  await dataSource.initialize();
  if (!options.skipMigrations) await runMigrations(dataSource);
  return {
    url,
    dataSource,
    async drop() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await withAdminClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

async function withAdminClient<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Cannot reach the test Postgres at ${redact(serverUrl)}: ${reason}. ${HOW_TO_START}`, {
      cause: error,
    });
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

function redact(serverUrl: string): string {
  const url = new URL(serverUrl);
  if (url.password) url.password = '***';
  return url.toString();
}
