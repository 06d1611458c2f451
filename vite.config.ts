import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { cspMeta, securityHeaders } from './scripts/headers.mjs';

/**
 * The built page carries the policy as a <meta> (for hosts that send no headers) and dist/_headers gives every
 * header to hosts that read that file (Netlify, Cloudflare Pages). Build only: the dev server's inline
 * refresh script would be refused.
 */
function securityPolicy(): Plugin {
  return {
    name: 'chiso-security-headers',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: cspMeta() }, injectTo: 'head-prepend' }],
    generateBundle() {
      const lines = Object.entries(securityHeaders()).map(([k, v]) => `  ${k}: ${v}`);
      this.emitFile({ type: 'asset', fileName: '_headers', source: ['/*', ...lines, ''].join('\n') });
    },
  };
}

// DuckDB-WASM ships its own worker and wasm files; pre-bundling breaks their `?url` imports.
export default defineConfig({
  plugins: [react(), securityPolicy()],
  base: './',
  // The first view's snapshot is read back only by the build that wrote it (src/app/viewSnapshot.ts).
  define: { __BUILD_ID__: JSON.stringify(Date.now().toString(36)) },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    assetsInlineLimit: 0,
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
