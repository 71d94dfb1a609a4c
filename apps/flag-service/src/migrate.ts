import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { createDataSourceOptions, startEmbeddedPostgres, runMigrations } from '@switchyard/database';
import { ConfigError, loadConfig } from './config/app-config.js';

/** `npm run migrate`: applies pending migrations (DATABASE_URL or the embedded Postgres) and says which. */
async function migrate(): Promise<void> {
  const config = loadConfig();
  const embedded = config.databaseUrl
    ? undefined
    : await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPgPort });
  const dataSource = new DataSource(createDataSourceOptions(config.databaseUrl ?? embedded!.url));
  try {
    await dataSource.initialize();
    const applied = await runMigrations(dataSource);
    process.stdout.write(
      applied.length === 0
        ? 'No pending migrations: the database is up to date.\n'
        : `Applied ${applied.length} migration(s):\n${applied.map((name) => `  ${name}`).join('\n')}\n`,
    );
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await embedded?.stop();
  }
}

migrate().catch((error: unknown) => {
  const message =
    error instanceof ConfigError
      ? error.message
      : error instanceof Error
        ? (error.stack ?? error.message)
        : String(error);
  process.stderr.write(`switchyard migrate: ${message}\n`);
  process.exit(error instanceof ConfigError ? 78 : 1);
});
