import { type NextRequest, NextResponse } from "next/server";
import { PageCache } from "@/lib/perf/page-cache";
import { publicOrigin } from "@/lib/public-origin";
import { recordingSource } from "@/lib/recordings/source";
import { ACCESS_PAGE, hasAccess } from "@/lib/security/access";
import { bodyRefusal } from "@/lib/security/body";
import { embedAllowedOrigins, trustedProxyCount } from "@/lib/security/config";
import { API_CSP, BASE_SECURITY_HEADERS, frameAncestorsFor, mediaOrigins, newNonce, pageSecurityHeaders } from "@/lib/security/headers";

/** The guide and the embed without a query string, rendered once and stamped with a fresh nonce per response (production only). */
const pages = process.env.NODE_ENV === "production" ? new PageCache() : null;

/**
 * Runs before every page and API route (Next 16's renamed middleware, Node.js runtime):
 * - refuses a body above 64 KiB, or one without a Content-Length, from its headers (lib/security/body.ts);
 * - with no trusted proxy, drops any client-sent X-Forwarded-For, so that Next's server fills it from
 *   the socket (it only does when the header is absent) and the limits count real addresses;
 * - sends visitors without a valid access cookie to /access when the access gate is on;
 * - gives every page a fresh nonce and the security headers built in lib/security/headers.ts, including
 *   who may frame it (only /embed/* may be framed, by this app and EMBED_ALLOWED_ORIGINS);
 * - answers the guide and the embed without a query string from lib/perf/page-cache.ts (it says why):
 *   rendered once, the fresh nonce put in place of a placeholder only this process knows;
 * - redirects `/en…` to `/` (next.config.ts rewrites `/` to the English guide, so the `[locale]`
 *   segment stays out of the URL for the default language).
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  // Before anything else: Next buffers the body of every request the proxy runs for (404 paths too).
  const refusal = bodyRefusal(request.method, request.headers);
  if (refusal) {
    const res = refusal.toResponse();
    res.headers.set("content-security-policy", API_CSP);
    res.headers.set("connection", "close");
    return res as NextResponse;
  }
  const headers = new Headers(request.headers);
  if (trustedProxyCount() === 0) headers.delete("x-forwarded-for");
  const { pathname, search } = request.nextUrl;

  if (pathname.startsWith("/api/")) {
    const res = NextResponse.next({ request: { headers } });
    res.headers.set("content-security-policy", API_CSP);
    return res;
  }

  // The page cache's own render (from this process, over loopback) gets the placeholder as its nonce.
  const ownRender = pages?.isOwnRender(request.headers) ?? false;
  if (pathname !== ACCESS_PAGE && !ownRender && !hasAccess(request.headers)) {
    const to = request.nextUrl.clone();
    to.pathname = ACCESS_PAGE;
    to.search = `?next=${encodeURIComponent(pathname + search)}`;
    return withHeaders(NextResponse.redirect(to, 303), BASE_SECURITY_HEADERS);
  }

  if (pathname === "/en" || pathname.startsWith("/en/")) {
    const to = request.nextUrl.clone();
    to.pathname = pathname.slice(3) || "/";
    return withHeaders(NextResponse.redirect(to), BASE_SECURITY_HEADERS);
  }

  const nonce = ownRender && pages ? pages.placeholder : newNonce();
  const security = pageSecurityHeaders({
    nonce,
    dev: process.env.NODE_ENV === "development",
    mediaOrigins: mediaOrigins(),
    frameAncestors: frameAncestorsFor(pathname, embedAllowedOrigins()),
    recordingOrigin: embedRecordingOrigin(pathname, request.nextUrl.searchParams),
  });
  if (pages?.serves({ method: request.method, pathname, search, headers: request.headers })) {
    const kept = await pages.get(pathname);
    if (kept)
      return withHeaders(
        new NextResponse(pages.stamp(kept, nonce, publicOrigin() ?? request.nextUrl.origin), { status: 200, headers: kept.headers }),
        security,
      );
  }
  // Next reads the nonce from the request's Content-Security-Policy and puts it on its own scripts.
  headers.set("content-security-policy", security["content-security-policy"]);
  // Our own inline script (the theme, before first paint) reads it from here.
  headers.set("x-nonce", nonce);
  // The origin of the page's absolute links (canonical, hreflang: lib/guide/metadata.ts); a kept page gets a placeholder.
  // The canonical and hreflang links are absolute: on PUBLIC_ORIGIN when it is set, never a forged Host then.
  headers.set("x-page-origin", ownRender && pages ? pages.originPlaceholder : (publicOrigin() ?? request.nextUrl.origin));
  return withHeaders(NextResponse.next({ request: { headers } }), security);
}

/** The origin of a recording on a docs site that an embed was asked to play, when it is one the embed may use (lib/recordings/source.ts). */
function embedRecordingOrigin(pathname: string, query: URLSearchParams): string | null {
  const value = query.get("recording");
  if (!value || !pathname.startsWith("/embed/")) return null;
  const source = recordingSource(value, pathname.slice("/embed/".length), embedAllowedOrigins());
  return source.ok ? source.origin : null;
}

function withHeaders(res: NextResponse, headers: Readonly<Record<string, string>>): NextResponse {
  for (const [k, v] of Object.entries(headers)) res.headers.set(k, v);
  return res;
}

export const config = {
  // Build assets need no policy. The upload routes stay out: for every POST the proxy runs for, Next
  // copies the whole body into memory before the route handler sees it (twice: `getCloneableBody` in
  // next/dist/server/body-streams.js), and a video may be 100 MB. The simulator's are only called by the
  // server itself. /api/uploads admits only uploads with a ticket from /api/upload-tickets, which stays
  // in, so the client's address is still the socket's (lib/security/upload-ticket.ts).
  // A task's poll (/api/tasks/<id>, the busiest route: every viewer, about once a second) runs the proxy
  // only when the request brings an X-Forwarded-For to drop: without one, Next writes the socket's
  // address itself, and the route sets its own policy header. Running the proxy doubled Next's cost
  // per poll (bench:proxy measures it against a bare route handler).
  // embed.js is a static script other sites load: no page policy, no access gate (the embed it opens has both).
  matcher: [
    "/((?!_next/static|_next/image|favicon.ico|embed\\.js$|api/simulator/v1/uploads|api/simulator/gateway/v1/uploads|api/uploads$|api/tasks/[^/]+$).*)",
    { source: "/api/tasks/:id", has: [{ type: "header", key: "x-forwarded-for" }] },
  ],
};
