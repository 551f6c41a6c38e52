import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { embedSnippet } from "../lib/embed/snippet";

const DOCS_SITE = path.join(process.cwd(), "e2e/fixtures/docs-site");
const RECORDINGS = path.join(process.cwd(), "public/recordings");
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".mp4": "video/mp4",
};

function page(body: string) {
  return `<!doctype html><html lang="en"><head><title>Docs host</title></head>
<body style="margin:0;font-family:sans-serif">
<h1>Host documentation page</h1>
${body}
<p id="after">Text after the embed.</p>
</body></html>`;
}

/** A file under `root` for a URL path, or null (nothing outside it). */
function fileUnder(root: string, urlPath: string): string | null {
  const full = path.join(root, decodeURIComponent(urlPath));
  if (!full.startsWith(root)) return null;
  const file = existsSync(full) && statSync(full).isDirectory() ? path.join(full, "index.html") : full;
  return existsSync(file) ? file : null;
}

/**
 * Documentation sites of another origin, as small as they get, on one node:http server:
 * - `/host?src=<embed URL>`: a page embedding the playground with exactly the iframe snippet the Embed
 *   dialog and docs/embedding.md give;
 * - `/tags?html=<HTML>`: a page with that HTML in its body (the one script tag, or several);
 * - `/docs/…`: the built Starlight site of e2e/fixtures/docs-site (scripts/make-docs-site-fixture.mjs),
 *   with `__PLAYGROUND_ORIGIN__` replaced by `playgroundOrigin`;
 * - `/rec/…`: the shipped recordings, served by this "docs site" with CORS for `playgroundOrigin`, as a
 *   docs site that keeps its own recordings must.
 */
export async function startEmbedHost(port: number, { playgroundOrigin = "" } = {}): Promise<{ close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://host.invalid");
    const html = (body: string) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(body);
    };
    const src = url.searchParams.get("src");
    if (url.pathname === "/host" && src) return html(page(embedSnippet(src, "nano-banana-2")));
    const tags = url.searchParams.get("html");
    if (url.pathname === "/tags" && tags) return html(page(tags));
    const [root, prefix, headers] = url.pathname.startsWith("/docs/")
      ? [DOCS_SITE, "/docs/", {}]
      : url.pathname.startsWith("/rec/")
        ? [RECORDINGS, "/rec/", { "access-control-allow-origin": playgroundOrigin }]
        : [null, "", {}];
    const file = root && fileUnder(root, url.pathname.slice(prefix.length));
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    const ext = path.extname(file);
    let body: Buffer | string = readFileSync(file);
    if (ext === ".html") body = body.toString("utf8").replaceAll("__PLAYGROUND_ORIGIN__", playgroundOrigin);
    res.writeHead(200, { "content-type": TYPES[ext] ?? "application/octet-stream", ...headers });
    res.end(body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  return { close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
