import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const workspace = fileURLToPath(new URL('../..', import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
  resolve: {
    alias: {
      '@beacon/domain': `${workspace}libs/domain/src/index.ts`,
      '@beacon/api-client': `${workspace}libs/api-client/src/index.ts`,
    },
  },
  build: {
    outDir: `${workspace}dist/apps/web`,
    emptyOutDir: true,
    target: 'es2022',
    // Inlined assets would become data: URLs; keep every asset a file so the strict CSP needs no exceptions.
    assetsInlineLimit: 0,
    rolldownOptions: {
      output: {
        // React and the router change rarely: one long-cached chunk, apart from the app's own code.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|cookie)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: { '/api': { target: 'http://localhost:3000' } },
  },
  preview: { port: 4173 },
});
