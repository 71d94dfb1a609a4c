import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

// The UI is served by the flag service at `/`; in `npm run dev -w apps/admin` Vite proxies the API to a
// service on FLAG_SERVICE_URL (default http://127.0.0.1:4242).
export default defineConfig({
  root: here('.'),
  plugins: [react()],
  resolve: {
    alias: { '@switchyard/evaluation': here('../../libs/evaluation/src/index.ts') },
  },
  build: { outDir: here('dist'), emptyOutDir: true, sourcemap: true },
  server: {
    proxy: { '/api': process.env.FLAG_SERVICE_URL ?? 'http://127.0.0.1:4242' },
  },
});
