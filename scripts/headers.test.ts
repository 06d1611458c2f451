import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cspHeader, cspMeta, securityHeaders } from './headers.mjs';

describe('security headers', () => {
  it('forbid framing in the header only, never allow data: connections or inline style sheets', () => {
    expect(cspHeader()).toContain("frame-ancestors 'none'");
    expect(cspMeta()).not.toContain('frame-ancestors');
    expect(cspHeader()).toMatch(/connect-src 'self' blob:;/);
    expect(cspHeader()).toMatch(/style-src 'self';/);
  });
  it('let a PDF be previewed in a frame from a blob: URL only, and no plugin object at all', () => {
    expect(cspHeader()).toMatch(/frame-src blob:;/);
    expect(cspMeta()).toMatch(/frame-src blob:;/);
    expect(cspHeader()).toContain("object-src 'none'");
  });
  it('are the ones the README tells hosts to send', () => {
    const readme = fs.readFileSync(path.resolve(import.meta.dirname, '../README.md'), 'utf8');
    for (const [name, value] of Object.entries(securityHeaders())) expect(readme).toContain(`${name}: ${value}\n`);
  });
});
