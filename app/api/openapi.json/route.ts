import { openApiDocument } from "@/lib/openapi/document";

export const dynamic = "force-dynamic";

/** The OpenAPI 3.1 document of the proxy's API; readable cross-origin so API reference tools can load it. */
export function GET(req: Request): Response {
  return Response.json(openApiDocument(new URL(req.url).origin), {
    headers: { "access-control-allow-origin": "*", "cache-control": "no-cache" },
  });
}
