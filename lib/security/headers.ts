import { parseOrigins } from "./config";

/**
 * The security headers of every page, built in one place. The Content-Security-Policy allows exactly
 * what the app loads: its own scripts (Next's inline bootstrap scripts carry the per-request nonce,
 * and 'strict-dynamic' lets them load the chunks), its own styles (inline style attributes are used
 * by React for the progress bar and the video's aspect ratio, hence 'unsafe-inline' for styles only),
 * previews of uploaded files (blob:) and of https image URLs the user typed, the upstream's media
 * origin for the result video, and fetches to its own API (and, for an embed playing a recording a docs
 * site serves, that one origin for the recording's JSON and video). Nothing may frame a page unless the
 * caller passes frame ancestors (the embed's allowed origins).
 */
export type CspOptions = {
  /** Fresh, unguessable, per response (base64). */
  nonce: string;
  /** Development adds 'unsafe-eval', which React needs for its dev-only error overlays. */
  dev?: boolean;
  /** Origins the result video may come from besides the app itself. */
  mediaOrigins?: readonly string[];
  /** Origins that may frame the page; empty or absent means none. */
  frameAncestors?: readonly string[];
  /** The origin of a recording the embed was asked to play (`?recording=` on an allowed docs origin): fetched and played from there. */
  recordingOrigin?: string | null;
};

export function contentSecurityPolicy(opts: CspOptions): string {
  const recording = opts.recordingOrigin ? [opts.recordingOrigin] : [];
  const media = ["'self'", "blob:", ...(opts.mediaOrigins ?? []), ...recording];
  const ancestors = opts.frameAncestors?.length ? opts.frameAncestors.join(" ") : "'none'";
  const directives: [string, string][] = [
    ["default-src", "'self'"],
    ["script-src", `'self' 'nonce-${opts.nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`],
    ["style-src", "'self' 'unsafe-inline'"],
    ["img-src", "'self' blob: data: https:"],
    ["media-src", [...new Set(media)].join(" ")],
    ["font-src", "'self'"],
    ["connect-src", ["'self'", ...recording].join(" ")],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    ["frame-ancestors", ancestors],
  ];
  return directives.map(([k, v]) => `${k} ${v}`).join("; ");
}

/** The strict policy of API answers (JSON and media): they load nothing and may not be framed. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/** Headers for every answer (also set in next.config.ts for static files). */
export const BASE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
};

/** All security headers of a page; X-Frame-Options (for old browsers) only when no one may frame it. */
export function pageSecurityHeaders(opts: CspOptions): Record<string, string> {
  return {
    "content-security-policy": contentSecurityPolicy(opts),
    ...BASE_SECURITY_HEADERS,
    ...(opts.frameAncestors?.length ? {} : { "x-frame-options": "DENY" }),
  };
}

/**
 * Where result videos come from: UPSTREAM_MEDIA_ORIGINS when set, else the upstream's own origin (the
 * embedded simulator serves them from the app's origin, which 'self' covers).
 */
export function mediaOrigins(): string[] {
  const configured = parseOrigins(process.env.UPSTREAM_MEDIA_ORIGINS);
  if (configured.length) return configured;
  return parseOrigins(process.env.UPSTREAM_BASE_URL);
}

/** A fresh nonce: 128 random bits, base64. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

/** Who may frame a path: the embed's allowed origins for /embed/*, no one for every other page. */
export function frameAncestorsFor(pathname: string, embedOrigins: readonly string[]): string[] {
  // The app itself may frame its embed too (the Embed dialog's preview, the docs' own pages).
  return pathname === "/embed" || pathname.startsWith("/embed/") ? ["'self'", ...embedOrigins] : [];
}
