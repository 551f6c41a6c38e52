import { openApiDocument } from "@/lib/openapi/document";

export const dynamic = "force-dynamic";

/** The origin the client used (behind a proxy, the forwarded one), so "Try it" in API tools calls this app. */
function publicOrigin(req: Request): string {
  const url = new URL(req.url);
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host") ?? url.host;
  const proto = req.headers.get("x-forwarded-proto")?.split(",")[0].trim() ?? url.protocol.replace(/:$/, "");
  return `${proto}://${host.split(",")[0].trim()}`;
}

/** The OpenAPI 3.1 document of the proxy's API; readable cross-origin so API reference tools can load it. */
export function GET(req: Request): Response {
  return Response.json(openApiDocument(publicOrigin(req)), {
    headers: { "access-control-allow-origin": "*", "cache-control": "no-cache" },
  });
}
