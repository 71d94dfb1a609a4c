import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { serveAdminUi } from './serve-admin-ui.js';

// Fastify's inject() cannot load under Jest's ESM mode, so the tests listen on a port and use fetch.
async function listen(fastify: FastifyInstance): Promise<(path: string) => Promise<Response>> {
  const address = await fastify.listen({ port: 0, host: '127.0.0.1' });
  return (path) => fetch(address + path);
}

/** A GET that sends exactly the Accept-Encoding given (fetch adds its own) and keeps the body as sent. */
function rawGet(
  base: string,
  path: string,
  acceptEncoding?: string,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const headers = acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding };
    request(base + path, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
      response.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

const SCRIPT = `export const text = ${JSON.stringify('switchyard '.repeat(500))};`;

describe('serveAdminUi', () => {
  let dir: string;
  let fastify: FastifyInstance;
  let get: (path: string) => Promise<Response>;
  let base: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'admin-ui-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<div id="root"></div>');
    writeFileSync(join(dir, 'assets', 'app-1234.js'), 'console.log(1)');
    // What the build writes: a script with its .br and .gz, and (from an older build) a source map.
    writeFileSync(join(dir, 'assets', 'big-5678.js'), SCRIPT);
    writeFileSync(join(dir, 'assets', 'big-5678.js.br'), brotliCompressSync(SCRIPT));
    writeFileSync(join(dir, 'assets', 'big-5678.js.gz'), gzipSync(SCRIPT));
    writeFileSync(join(dir, 'assets', 'big-5678.js.map'), '{"sources":["secret.ts"]}');
    fastify = Fastify();
    fastify.get('/api/projects', async () => [{ key: 'shop' }]);
    fastify.setNotFoundHandler((_request, reply) => reply.code(404).send({ error: { code: 'NOT_FOUND' } }));
    await serveAdminUi(fastify, { dir });
    get = await listen(fastify);
    base = `http://127.0.0.1:${(fastify.server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await fastify.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves index.html at the root without letting browsers cache it', async () => {
    const response = await get('/');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('id="root"');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it("serves index.html for the app's own paths so a reload keeps the screen", async () => {
    const response = await get('/projects/shop/environments/production/flags/x?tab=1');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('id="root"');
  });

  it('serves hashed assets with a long cache lifetime', async () => {
    const response = await get('/assets/app-1234.js');
    expect(await response.text()).toBe('console.log(1)');
    expect(response.headers.get('cache-control')).toContain('immutable');
  });

  it('serves the brotli file to a browser that accepts br, saying so and varying on Accept-Encoding', async () => {
    const response = await rawGet(base, '/assets/big-5678.js', 'gzip, deflate, br');
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['vary']).toContain('accept-encoding');
    expect(response.headers['content-type']).toContain('javascript');
    expect(response.headers['cache-control']).toContain('immutable');
    expect(response.body.length).toBeLessThan(SCRIPT.length / 10);
    expect(brotliDecompressSync(response.body).toString()).toBe(SCRIPT);
  });

  it('serves the gzip file to a browser that accepts only gzip, and the plain file to one that accepts none', async () => {
    const gzipped = await rawGet(base, '/assets/big-5678.js', 'gzip');
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzipped.body).toString()).toBe(SCRIPT);
    const plain = await rawGet(base, '/assets/big-5678.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['vary']).toContain('accept-encoding');
    expect(plain.body.toString()).toBe(SCRIPT);
  });

  it('never serves a source map, even one left in the folder', async () => {
    const response = await get('/assets/big-5678.js.map');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: 'NOT_FOUND' } });
  });

  it('leaves the API alone: known routes answer, unknown ones stay 404', async () => {
    expect(await (await get('/api/projects')).json()).toEqual([{ key: 'shop' }]);
    for (const url of ['/api/nope', '/sdk/v1/nope', '/health/nope', '/metrics/x']) {
      const response = await get(url);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: { code: 'NOT_FOUND' } });
    }
  });

  it('never serves a file outside the UI folder', async () => {
    for (const url of ['/..%2f..%2fetc%2fpasswd', '/assets/..%2f..%2f..%2f..%2fetc%2fpasswd']) {
      expect(await (await get(url)).text()).not.toContain('root:');
    }
  });

  it('says how to build the UI when it has not been built', async () => {
    const bare = Fastify();
    await serveAdminUi(bare, { dir: join(dir, 'missing') });
    const response = await (await listen(bare))('/');
    const text = await response.text();
    await bare.close();
    expect(response.status).toBe(503);
    expect(text).toContain('npm run build');
  });
});
