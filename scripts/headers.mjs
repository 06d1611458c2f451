// The security headers of a deployment, in one place: scripts/serve.mjs sends them, the build writes the same
// policy into index.html (for hosts that send no headers) and into dist/_headers, and the README lists them.

/** Only our own origin. wasm-unsafe-eval lets DuckDB's WebAssembly compile; blob: workers are DuckDB's. */
const POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'worker-src': ["'self'", 'blob:'],
  'connect-src': ["'self'", 'blob:'],
  'img-src': ["'self'", 'data:', 'blob:'],
  // The browser's own PDF viewer shows an evidence document (a blob: URL of bytes checked to be a PDF) in a frame.
  'frame-src': ['blob:'],
  // Style sheets only from our files; style attributes stay allowed because ECharts' tooltips and React's
  // computed sizes (bars, heat cells) are written as inline styles.
  'style-src': ["'self'"],
  'style-src-elem': ["'self'"],
  'style-src-attr': ["'unsafe-inline'"],
  'font-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'none'"],
  // Headers only: a <meta> policy cannot forbid framing (browsers ignore it there and say so in the console).
  'frame-ancestors': ["'none'"],
};

const HEADER_ONLY = new Set(['frame-ancestors']);

const join = (entries) => entries.map(([k, v]) => `${k} ${v.join(' ')}`).join('; ');

/** The policy as the `Content-Security-Policy` header. */
export const cspHeader = () => join(Object.entries(POLICY));

/** The same policy less what a <meta> element cannot carry. */
export const cspMeta = () => join(Object.entries(POLICY).filter(([k]) => !HEADER_ONLY.has(k)));

/** Every header a host should send with the app's pages. */
export const securityHeaders = () => ({
  'Content-Security-Policy': cspHeader(),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
});
