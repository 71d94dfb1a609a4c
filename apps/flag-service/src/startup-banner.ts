import type { EmbeddedPostgresServer } from '../../../libs/database/embedded/embedded-postgres-server.js';
import type { AppConfig } from './config/app-config.js';

// Plain stdout, not the JSON log: these lines are for the person who started the service.

/** Where the service listens and which database it uses. */
export function printStarted(url: string, config: AppConfig, embedded: EmbeddedPostgresServer | undefined): void {
  const database = embedded
    ? `embedded PostgreSQL on 127.0.0.1:${config.embeddedPgPort}, data in ${config.dataDir}/postgres` +
      (embedded.initialised ? ' (new)' : ' (reused)')
    : `PostgreSQL at ${redactUrl(config.databaseUrl!)}`;
  const lines = [
    `Switchyard flag service listening on ${url.replace('[::1]', 'localhost').replace('0.0.0.0', 'localhost')}`,
    `  database: ${database}`,
    `  bus:      ${config.redisUrl ? `Redis at ${redactUrl(config.redisUrl)}` : 'in-process'}`,
    `  API docs: ${url.replace('0.0.0.0', 'localhost')}/api/docs`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

/** The first start's admin token, once, framed so it is hard to miss. */
export function printAdminToken(token: string): void {
  const rule = '='.repeat(78);
  process.stdout.write(
    [
      '',
      rule,
      '  First start: an admin token was created. It is shown ONCE and never again:',
      '',
      `    ${token}`,
      '',
      '  Use it as "Authorization: Bearer <token>". Store it now (e.g. in a password manager).',
      rule,
      '',
    ].join('\n') + '\n',
  );
}

/** The URL with its password masked, for printing. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}
