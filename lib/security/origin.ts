import { ApiError } from "@/lib/errors";

/**
 * Cross-origin protection for state-changing routes, the way Go's net/http CrossOriginProtection and
 * the Fetch Metadata guidance do it: browsers send Sec-Fetch-Site (all current ones) or at least
 * Origin on every POST, so a request from another site's page is recognised and refused unless its
 * origin is one the deployment allows (EMBED_ALLOWED_ORIGINS). A request with neither header is not
 * from a browser page (curl, a server): it cannot ride a visitor's cookie, and the limits still apply.
 */
export function checkSameOrigin(headers: Headers, allowedOrigins: readonly string[], requestId?: string): void {
  const origin = headers.get("origin");
  const site = headers.get("sec-fetch-site")?.toLowerCase();
  const allowed = origin !== null && origin !== "null" && allowedOrigins.includes(origin);
  if (site === "same-origin" || site === "none") return;
  if (site) {
    if (allowed) return;
    throw refused(origin, requestId);
  }
  if (origin === null) return;
  if (allowed || sameHost(origin, headers)) return;
  throw refused(origin, requestId);
}

/** True when the Origin's host:port is the Host the request was sent to. */
function sameHost(origin: string, headers: Headers): boolean {
  const host = headers.get("host");
  if (!host) return false;
  try {
    return new URL(origin).host === host.toLowerCase();
  } catch {
    return false;
  }
}

function refused(origin: string | null, requestId?: string): ApiError {
  const from = origin && origin !== "null" ? origin.slice(0, 200) : "another site";
  return new ApiError(
    403,
    "permission_error",
    `Cross-origin call refused: a page on ${from} may not call this playground's API. Use the playground's own page, or add that origin to EMBED_ALLOWED_ORIGINS.`,
    { requestId },
  );
}
