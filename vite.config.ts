import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// DuckDB-WASM ships its own worker and wasm files; pre-bundling breaks their `?url` imports.
export default defineConfig({
  plugins: [react()],
  base: './',
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    assetsInlineLimit: 0,
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
