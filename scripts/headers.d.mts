export function cspHeader(): string;
export function cspMeta(): string;
export function securityHeaders(): Record<string, string>;
