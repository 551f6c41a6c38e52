/**
 * How the Markdown guides and /llms.txt are answered: UTF-8 text, cacheable by browsers and CDNs (they
 * change only with a deployment; an hour's staleness after one is acceptable for documentation).
 */
export const MARKDOWN_CACHE_CONTROL = "public, max-age=3600";

export function markdownResponse(body: string, contentType: "text/markdown" | "text/plain"): Response {
  return new Response(body, {
    headers: { "content-type": `${contentType}; charset=utf-8`, "cache-control": MARKDOWN_CACHE_CONTROL },
  });
}
