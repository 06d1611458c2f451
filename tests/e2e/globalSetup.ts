// Serves the built app on 127.0.0.1 for the end-to-end tests. `npm test` builds first; a missing build fails loudly.
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { TestProject } from 'vitest/node';
// @ts-expect-error plain JS module shared with `npm start`
import { createServer } from '../../scripts/serve.mjs';

export default async function setup(project: TestProject) {
  // DIST_DIR lets several builds be tested side by side (e.g. /tmp/dist-par).
  const dist = path.resolve(import.meta.dirname, '../..', process.env.DIST_DIR ?? 'dist', 'index.html');
  if (!fs.existsSync(dist)) throw new Error(`${dist} is missing: run "npm run build" before the e2e tests`);
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  project.provide('baseUrl', `http://127.0.0.1:${port}/`);
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
