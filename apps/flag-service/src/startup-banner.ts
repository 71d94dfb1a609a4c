import type { EmbeddedPostgresServer } from '@switchyard/database';
import type { AppConfig } from './config/app-config.js';

// Plain stdout, not the JSON log: these lines are for the person who started the service.

/** The socket address the HTTP server is bound to. */
export interface ListeningAddress {
  address: string;
  port: number;
}

const ALL_INTERFACES = new Set(['0.0.0.0', '::', '']);

/** Where the service listens and which database it uses. */
export function printStarted(
  listening: ListeningAddress,
  config: AppConfig,
  embedded: EmbeddedPostgresServer | undefined,
): void {
  process.stdout.write(startedLines(listening, config, embedded).join('\n') + '\n');
}

/**
 * The banner's lines: the address really bound (and a URL to open), the database and the bus. Listening on
 * every interface with no proxy configured (TRUST_PROXY unset) means plain HTTP reachable from the network:
 * the banner says so.
 */
export function startedLines(
  listening: ListeningAddress,
  config: AppConfig,
  embedded: EmbeddedPostgresServer | undefined,
): string[] {
  const everywhere = ALL_INTERFACES.has(listening.address);
  const bound = listening.address.includes(':')
    ? `[${listening.address}]:${listening.port}`
    : `${listening.address}:${listening.port}`;
  const url = everywhere ? `http://localhost:${listening.port}` : `http://${bound}`;
  const database = embedded
    ? `embedded PostgreSQL on 127.0.0.1:${config.embeddedPgPort}, data in ${config.dataDir}/postgres` +
      (embedded.initialised ? ' (new)' : ' (reused)')
    : `PostgreSQL at ${redactUrl(config.databaseUrl!)}`;
  const lines = [
    `Switchyard flag service listening on ${bound}${everywhere ? ` (all interfaces): ${url}` : `: ${url}`}`,
    `  database: ${database}`,
    `  bus:      ${config.redisUrl ? `Redis at ${redactUrl(config.redisUrl)}` : 'in-process'}`,
    `  API docs: ${url}/api/docs`,
  ];
  if (everywhere && config.trustProxy === false) {
    lines.push(
      '  WARNING:  plain HTTP on every interface, and no proxy in front (TRUST_PROXY unset): tokens cross the',
      '            network unencrypted. Put a TLS-terminating proxy in front (and set TRUST_PROXY), or set',
      '            HOST=127.0.0.1 to listen on this machine only.',
    );
  }
  return lines;
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
