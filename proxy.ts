import { NextResponse, type NextRequest } from "next/server";
import { allowedEmbedOrigins, framingHeaders } from "@/lib/embed/origins";

/**
 * Runs before every page and API route: decides who may frame the response (read from the environment
 * at request time, which next.config headers cannot do) and serves the English guide at `/` (the
 * `[locale]` segment stays out of the URL for the default language).
 */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  let response: NextResponse;
  if (pathname === "/en" || pathname.startsWith("/en/")) {
    const url = request.nextUrl.clone();
    url.pathname = pathname.slice(3) || "/";
    response = NextResponse.redirect(url);
  } else if (pathname === "/") {
    const url = request.nextUrl.clone();
    url.pathname = "/en";
    response = NextResponse.rewrite(url);
  } else {
    response = NextResponse.next();
  }
  for (const [name, value] of Object.entries(framingHeaders(pathname, allowedEmbedOrigins()))) response.headers.set(name, value);
  return response;
}

export const config = {
  // Static build assets need no framing policy. Upload endpoints stay out: with a proxy in front, Next
  // buffers the request body (up to 10 MB, then cuts it), and uploads must stream (JSON answers need no framing policy).
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/uploads|api/simulator/v1/uploads|api/simulator/gateway/v1/uploads).*)"],
};
