import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EnsureBootstrapAdminToken, ADMIN_TOKEN_PREFIX, generateSecret } from '@switchyard/access';
import { createTestDatabase, type TestDatabase } from '@switchyard/database/testing';
import { loadConfig } from '../../apps/flag-service/src/config/app-config.js';
import { createApp } from '../../apps/flag-service/src/create-app.js';
import { JsonLogger } from '../../apps/flag-service/src/http/json-logger.js';

/** Options of startApp. */
export interface StartAppOptions {
  /** Extra environment variables for the config (DATABASE_URL, PORT and the admin token are set for you). */
  env?: Record<string, string>;
  /** Reuse a database (e.g. to restart on the same data); otherwise a fresh one is created and dropped. */
  database?: TestDatabase;
}

/** Options of one request. `token` defaults to the admin token; pass `null` to send no Authorization. */
export interface RequestOptions {
  body?: unknown;
  token?: string | null;
  headers?: Record<string, string>;
}

/** An answer: status, lower-cased headers, and the body (parsed JSON when it is JSON, else text). */
export interface TestResponse<T = any> {
  status: number;
  headers: Record<string, string>;
  body: T;
}

/** A running service on a fresh test database. */
export interface StartedApp {
  baseUrl: string;
  adminToken: string;
  app: NestFastifyApplication;
  database: TestDatabase;
  /** Every JSON log line written so far. */
  logs: string[];
  request<T = any>(method: string, path: string, options?: RequestOptions): Promise<TestResponse<T>>;
  close(): Promise<void>;
}

/** Boots the real app (Nest + Fastify on 127.0.0.1, port 0) on a fresh database with a known admin token. */
export async function startApp(options: StartAppOptions = {}): Promise<StartedApp> {
  const database = options.database ?? (await createTestDatabase());
  const adminToken = generateSecret(ADMIN_TOKEN_PREFIX);
  const config = loadConfig({
    LOG_LEVEL: 'info',
    // The canary's kills every few seconds would disturb tests about something else; its own specs turn it on.
    CANARY_INTERVAL_MS: '0',
    ...options.env,
    DATABASE_URL: database.url,
    PORT: '0',
    HOST: '127.0.0.1',
  });
  const logs: string[] = [];
  const logger = new JsonLogger(config.logLevel, (line) => logs.push(line));
  let app: NestFastifyApplication | undefined;
  try {
    app = await createApp({ config, databaseUrl: database.url, logger });
    await app.get(EnsureBootstrapAdminToken).execute(adminToken);
    await app.listen({ port: 0, host: '127.0.0.1' });
  } catch (error) {
    await app?.close().catch(() => undefined);
    if (!options.database) await database.drop();
    throw error;
  }
  const started = app;
  const baseUrl = (await started.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    baseUrl,
    adminToken,
    app: started,
    database,
    logs,
    request: (method, path, requestOptions = {}) => send(baseUrl, adminToken, method, path, requestOptions),
    async close() {
      await started.close();
      if (!options.database) await database.drop();
    },
  };
}

async function send(
  baseUrl: string,
  adminToken: string,
  method: string,
  path: string,
  options: RequestOptions,
): Promise<TestResponse> {
  const headers: Record<string, string> = { ...options.headers };
  const token = options.token === undefined ? adminToken : options.token;
  if (token !== null) headers.authorization = `Bearer ${token}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(baseUrl + path, { method, headers, body });
  const text = await response.text();
  const isJson = (response.headers.get('content-type') ?? '').includes('json');
  return {
    status: response.status,
    headers: Object.fromEntries(response.headers.entries()),
    body: isJson && text.length > 0 ? JSON.parse(text) : text,
  };
}
