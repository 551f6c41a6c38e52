import { createServer, type Server } from "node:http";
import { embedSnippet } from "../lib/embed/snippet";

/**
 * A documentation site of another origin, as small as it gets: a node:http server whose page embeds the
 * playground with exactly the snippet the Embed dialog and docs/embedding.md give (`/host?src=<embed URL>`).
 */
export async function startEmbedHost(port: number): Promise<{ close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://host.invalid");
    const src = url.searchParams.get("src");
    if (url.pathname !== "/host" || !src) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><html lang="en"><head><title>Docs host</title></head>
<body style="margin:0;font-family:sans-serif">
<h1>Host documentation page</h1>
${embedSnippet(src, "nano-banana-2")}
<p id="after">Text after the embed.</p>
</body></html>`);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  return { close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
