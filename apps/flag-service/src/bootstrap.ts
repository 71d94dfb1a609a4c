import type { AddressInfo } from 'node:net';
import { startEmbeddedPostgres, type EmbeddedPostgresServer, isDatabaseUnavailable } from '@switchyard/database';
import { EnsureBootstrapAdminToken } from '@switchyard/access';
import { ConfigError, loadConfig, type AppConfig } from './config/app-config.js';
import { createApp } from './create-app.js';
import { JsonLogger } from './http/json-logger.js';
import { printAdminToken, printStarted, redactUrl } from './startup-banner.js';

/** A start failure whose message says it all (no stack trace needed). */
export class StartupError extends Error {
  override name = 'StartupError';
}

/** Starts the flag service: config, Postgres (DATABASE_URL or embedded), migrations, HTTP. */
export async function bootstrap(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const config = loadConfigOrExit(env);
  const logger = new JsonLogger(config.logLevel);
  let embedded: EmbeddedPostgresServer | undefined;
  if (!config.databaseUrl) {
    logger.event('info', 'starting embedded Postgres', { dataDir: config.dataDir, port: config.embeddedPgPort });
    embedded = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      port: config.embeddedPgPort,
      onLog: (line) => logger.event('debug', line, { context: 'postgres' }),
      onRecovery: (message, details) => logger.event('warn', `embedded Postgres: ${message}`, details),
    });
  }
  const databaseUrl = config.databaseUrl ?? embedded!.url;
  try {
    const afterDatabaseClose = async () => {
      await embedded?.stop();
      logger.event('info', 'stopped', embedded ? { embeddedPostgres: 'stopped' } : {});
    };
    const app = await createApp({ config, databaseUrl, logger, afterDatabaseClose });
    app.enableShutdownHooks(['SIGINT', 'SIGTERM'], { useProcessExit: true });
    const outcome = await app.get(EnsureBootstrapAdminToken).execute(config.adminToken);
    await app.listen({ port: config.port, host: config.host });
    printStarted(app.getHttpServer().address() as AddressInfo, config, embedded);
    if (outcome.kind === 'generated') printAdminToken(outcome.token);
  } catch (error) {
    await embedded?.stop();
    if (!isDatabaseUnavailable(error)) throw error;
    const where = embedded ? 'the embedded PostgreSQL' : `PostgreSQL at ${redactUrl(databaseUrl)} (DATABASE_URL)`;
    throw new StartupError(`cannot reach ${where}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
}

function loadConfigOrExit(env: NodeJS.ProcessEnv): AppConfig {
  try {
    return loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`switchyard: ${error.message}\n`);
    process.exit(78);
  }
}
