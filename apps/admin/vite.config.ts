import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

const COMPRESSIBLE = /\.(js|css|html|svg|json|txt)$/;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * Writes a `.br` and a `.gz` next to every text asset of the build (at the highest levels: it runs once per build,
 * not per request), which the flag service serves with `Content-Encoding` to a browser that accepts them.
 */
function precompress(outDir: string): Plugin {
  return {
    name: 'switchyard-precompress',
    apply: 'build',
    closeBundle() {
      for (const file of filesUnder(outDir).filter((path) => COMPRESSIBLE.test(path))) {
        const raw = readFileSync(file);
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(raw, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
              [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
            },
          }),
        );
        writeFileSync(`${file}.gz`, gzipSync(raw, { level: 9 }));
      }
    },
  };
}

const outDir = here('dist');

// The UI is served by the flag service at `/`; in `npm run dev -w apps/admin` Vite proxies the API to a
// service on FLAG_SERVICE_URL (default http://127.0.0.1:4242). The build emits no source maps (the dev server
// has its own), so production never serves the UI's sources.
export default defineConfig({
  root: here('.'),
  plugins: [react(), precompress(outDir)],
  resolve: {
    alias: { '@switchyard/evaluation': here('../../libs/evaluation/src/index.ts') },
  },
  build: { outDir, emptyOutDir: true, sourcemap: false },
  server: {
    proxy: { '/api': process.env.FLAG_SERVICE_URL ?? 'http://127.0.0.1:4242' },
  },
});
