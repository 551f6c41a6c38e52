import { appOrigin } from "@/lib/config";
import { openApiDocument } from "@/lib/openapi/document";

export const dynamic = "force-dynamic";

/**
 * The OpenAPI 3.1 document of the proxy's API; readable cross-origin so API reference tools can load it.
 * Its `servers` URL is PUBLIC_ORIGIN, never the request's Host or X-Forwarded-* (a cache could keep a
 * document pointing "Try it" at another host).
 */
export function GET(): Response {
  return Response.json(openApiDocument(appOrigin()), {
    headers: { "access-control-allow-origin": "*", "cache-control": "no-cache" },
  });
}
