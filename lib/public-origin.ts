/**
 * The deployment's public origin (`https://playground.example.com`), from PUBLIC_ORIGIN and never from
 * a request's Host or X-Forwarded-* headers (a client could put any host there and have the server
 * echo it in links). Unset or not an http(s) URL: null, and the callers write root-relative links
 * (`/models/nano-banana-2#error-…`), which a client resolves against the URL it called.
 * lib/config.ts re-exports it; it lives alone because lib/errors.ts needs it and lib/config.ts imports
 * lib/errors.ts.
 */
export function publicOrigin(): string | null {
  const value = process.env.PUBLIC_ORIGIN?.trim();
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url.origin : null;
  } catch {
    return null;
  }
}

/** `path` (root-relative) as an absolute URL on the public origin, or as it is when none is configured. */
export function publicUrl(path: string): string {
  const origin = publicOrigin();
  return origin ? origin + path : path;
}
