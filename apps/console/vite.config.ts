import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const consoleRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Vendor chunks: react-admin (ra-*), MUI (+ emotion) and React (+ router, query)
 * are split so that no single chunk carries the whole admin.
 * Rolldown (Vite 8) replaced Rollup's `manualChunks` with `codeSplitting.groups`.
 */
const vendorGroups = [
  { name: 'vendor-mui-icons', test: /node_modules[\\/]@mui[\\/]icons-material[\\/]/, priority: 40 },
  { name: 'vendor-mui', test: /node_modules[\\/](@mui|@emotion|@popperjs|react-transition-group|stylis)[\\/]/, priority: 30 },
  {
    name: 'vendor-ra-ui',
    test: /node_modules[\\/](react-admin|ra-ui-materialui|ra-i18n-polyglot|ra-language-[a-z]+|node-polyglot|react-dropzone|react-hotkeys-hook|react-error-boundary)[\\/]/,
    priority: 25,
  },
  {
    name: 'vendor-ra-core',
    test: /node_modules[\\/](ra-core|ra-data-simple-rest|react-hook-form|@tanstack|lodash|query-string|inflection|date-fns|jsonexport)[\\/]/,
    priority: 27,
  },
  { name: 'vendor-react', test: /node_modules[\\/](react|react-dom|react-router|react-router-dom|scheduler)[\\/]/, priority: 10 },
  { name: 'vendor', test: /node_modules[\\/]/, priority: 0 },
];

export default defineConfig({
  root: consoleRoot,
  base: '/',
  plugins: [react()],
  build: {
    outDir: `${repoRoot}dist/console`,
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: vendorGroups },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
});
