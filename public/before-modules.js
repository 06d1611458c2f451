// Runs before any module (a classic script): zod builds fast paths with `new Function` when it may, probing for it
// as each object schema is made. Our Content-Security-Policy forbids eval, and the probe alone is reported as a
// violation; jitless gives the same results. A module cannot set this in time: chunks evaluate before the entry.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });
