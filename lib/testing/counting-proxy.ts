/**
 * A pass-through in front of an upstream on a loopback port that records the method, path and headers
 * of every request it forwards, so an end-to-end test can count what reached the upstream (how many tasks were
 * created) rather than what the browser sent. Headers and bodies go through unchanged; the answers too.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export type Seen = { method: string; path: string; headers: http.IncomingHttpHeaders };
export type CountingProxy = { url: string; seen: Seen[]; close: () => Promise<void> };

export async function startCountingProxy(target: string, port = 0): Promise<CountingProxy> {
  const base = new URL(target);
  const seen: CountingProxy["seen"] = [];
  const server = http.createServer((req, res) => {
    seen.push({ method: req.method ?? "", path: req.url ?? "", headers: req.headers });
    const upstream = http.request(
      {
        hostname: base.hostname,
        port: base.port,
        method: req.method,
        path: `${base.pathname.replace(/\/$/, "")}${req.url}`,
        headers: { ...req.headers, host: base.host },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => {
      res.writeHead(502).end();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    seen,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
