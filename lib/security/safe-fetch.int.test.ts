import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchPublic } from "./safe-fetch";

describe("fetchPublic on a private test network (SIMULATOR_ALLOW_PRIVATE_FETCH=1)", () => {
  let server: http.Server;
  let base = "";
  beforeAll(async () => {
    process.env.SIMULATOR_ALLOW_PRIVATE_FETCH = "1";
    server = http.createServer((req, res) => {
      const m = /^\/hop\/(\d+)$/.exec(req.url ?? "");
      if (m) {
        const n = Number(m[1]);
        res.writeHead(302, { location: n > 0 ? `/hop/${n - 1}` : "/small" }).end();
      } else if (req.url === "/small") res.end(Buffer.alloc(100, 1));
      else if (req.url === "/endless") {
        res.writeHead(200); // no content-length: the cap must hold while reading
        const timer = setInterval(() => res.write(Buffer.alloc(64 * 1024)), 1);
        res.on("close", () => clearInterval(timer));
      } else res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    delete process.env.SIMULATOR_ALLOW_PRIVATE_FETCH;
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it("follows up to 3 redirects, not more", async () => {
    expect((await fetchPublic(`${base}/hop/2`, 1000)).byteLength).toBe(100);
    await expect(fetchPublic(`${base}/hop/5`, 1000)).rejects.toThrow(/too many redirects/);
  });

  it("stops reading at the size cap, with or without a Content-Length", async () => {
    await expect(fetchPublic(`${base}/small`, 50)).rejects.toThrow(/larger than 50 bytes/);
    await expect(fetchPublic(`${base}/endless`, 1024 * 1024)).rejects.toThrow(/larger than/);
  });

  it("reports an HTTP error", async () => {
    await expect(fetchPublic(`${base}/missing`, 1000)).rejects.toThrow(/HTTP 404/);
  });
});
