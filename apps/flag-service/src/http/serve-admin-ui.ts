import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Paths that belong to the service, never to the UI: an unknown one stays a JSON 404. */
const RESERVED = /^\/(api|sdk|health|metrics)(\/|$)/;

/** Source maps are never served, even when a build left some in the directory: they would publish the sources. */
const SOURCE_MAP = /\.map$/i;

const HTML_HEADERS = {
  'cache-control': 'no-cache',
  'content-security-policy':
    "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>Switchyard</title>
<p>The admin UI is not built. Run <code>npm run build</code> (or <code>npm run build -w apps/admin</code>) and restart.</p>`;

/** The built admin UI (`apps/admin/dist`), found by walking up from this file (source or compiled). */
export function findAdminUiDir(from = dirname(fileURLToPath(import.meta.url))): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'apps', 'admin', 'dist');
    if (existsSync(join(candidate, 'index.html'))) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

function fileUnder(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const file = resolve(root, `.${decoded}`);
  if (!file.startsWith(root + sep)) return undefined;
  try {
    return statSync(file).isFile() ? relative(root, file).split(sep).join('/') : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Serves the admin UI at `/`: its files (brotli or gzip when the browser accepts it and the build wrote the
 * `.br`/`.gz` beside them, with `Vary: Accept-Encoding`; never a source map), and index.html for every other GET outside /api, /sdk,
 * /health and /metrics, so the single-page app's own paths survive a reload. Hashed assets are cached for a
 * year; index.html is revalidated on every load.
 */
export async function serveAdminUi(fastify: FastifyInstance, options: { dir?: string } = {}): Promise<void> {
  const wanted = options.dir ? resolve(options.dir) : findAdminUiDir();
  const root = wanted && existsSync(join(wanted, 'index.html')) ? wanted : undefined;
  await fastify.register(async (scope) => {
    if (root) await scope.register(fastifyStatic, { root, serve: false, preCompressed: true });
    const handler = async (request: FastifyRequest, reply: FastifyReply): Promise<unknown> => {
      const path = request.url.split('?')[0];
      if (RESERVED.test(path) || SOURCE_MAP.test(path)) return reply.callNotFound();
      if (!root) return reply.code(503).headers(HTML_HEADERS).type('text/html').send(NOT_BUILT);
      const file = path === '/' ? undefined : fileUnder(root, path);
      if (file && file !== 'index.html') {
        const hashed = file.startsWith('assets/');
        return reply.sendFile(file, { maxAge: hashed ? '365d' : 0, immutable: hashed });
      }
      return reply.headers(HTML_HEADERS).sendFile('index.html', { cacheControl: false });
    };
    scope.get('/', handler);
    scope.get('/*', handler);
  });
}
