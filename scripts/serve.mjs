// Serves the built app (dist/) on 127.0.0.1 — any static host works; this one adds gzip and correct MIME types.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { securityHeaders } from './headers.mjs';

const SECURITY = securityHeaders();

const root = path.resolve(fileURLToPath(new URL('..', import.meta.url)), process.env.DIST_DIR ?? 'dist');
const port = Number(process.env.PORT ?? process.argv[2] ?? 4173);
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.csv': 'text/csv; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
const compressible = new Set(['.html', '.js', '.css', '.json', '.wasm', '.csv', '.svg']);
const gzCache = new Map();

/** `mounts` serves extra folders under URL prefixes (the benchmark's fixtures). */
export function createServer({ mounts = {} } = {}) {
  return http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const pathname = decodeURIComponent(url.pathname);
    const mount = Object.keys(mounts).find((m) => pathname.startsWith(m));
    const base = mount ? path.resolve(mounts[mount]) : root;
    let file = path.join(base, mount ? pathname.slice(mount.length) : pathname);
    if (!file.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    const ext = path.extname(file);
    const headers = {
      ...SECURITY,
      'Content-Type': types[ext] ?? 'application/octet-stream',
      'Cache-Control': ext === '.html' ? 'no-cache' : 'public, max-age=31536000, immutable',
    };
    let body = fs.readFileSync(file);
    // Large data files (benchmark fixtures) go as they are: gzipping 50 MB per request would measure the server.
    if (compressible.has(ext) && (ext !== '.csv' || body.length < 5e6) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      if (!gzCache.has(file)) gzCache.set(file, zlib.gzipSync(body, { level: 6 }));
      body = gzCache.get(file);
      headers['Content-Encoding'] = 'gzip';
    }
    res.writeHead(200, { ...headers, 'Content-Length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    console.error(`No build in ${root}: run "npm run build" first.`);
    process.exit(1);
  }
  createServer().listen(port, '127.0.0.1', () => console.log(`Chỉ số: http://127.0.0.1:${port}/`));
}
