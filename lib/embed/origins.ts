/**
 * Who may frame what. Embeddable views (`/embed/…`) may be framed by this app itself and by the origins
 * listed in EMBED_ALLOWED_ORIGINS (comma-separated, e.g. `https://docs.example.com,https://example.org`);
 * every other page refuses to be framed at all. Enforced with CSP `frame-ancestors` (and, for browsers
 * that ignore CSP, X-Frame-Options on the non-embeddable pages).
 */
export const EMBED_PATH_PREFIX = "/embed/";

/** Parses the list; entries that are not a bare http(s) origin are dropped (and reported). */
export function parseAllowedOrigins(raw: string | undefined): { origins: string[]; rejected: string[] } {
  const origins: string[] = [];
  const rejected: string[] = [];
  for (const entry of (raw ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    let url: URL | null = null;
    try {
      url = new URL(entry);
    } catch {
      url = null;
    }
    if (url && (url.protocol === "https:" || url.protocol === "http:") && url.origin === entry.replace(/\/+$/, "")) {
      if (!origins.includes(url.origin)) origins.push(url.origin);
    } else {
      rejected.push(entry);
    }
  }
  return { origins, rejected };
}

export function allowedEmbedOrigins(): string[] {
  return parseAllowedOrigins(process.env.EMBED_ALLOWED_ORIGINS).origins;
}

export function isEmbedPath(pathname: string): boolean {
  return pathname.startsWith(EMBED_PATH_PREFIX);
}
