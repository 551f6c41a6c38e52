import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { loopbackRender } from "./page-cache";

describe("loopbackRender", () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  it("asks 127.0.0.1 on the server's port for the path, with the header, following no redirect", async () => {
    const seen: { url?: string; header?: string | string[] }[] = [];
    server = createServer((req, res) => {
      seen.push({ url: req.url, header: req.headers["x-page-cache-render"] });
      res.writeHead(307, { location: "/access" }).end();
    });
    await new Promise<void>((r) => server!.listen(0, "127.0.0.1", r));
    const port = String((server.address() as AddressInfo).port);
    const res = await loopbackRender(() => port)("/ru", ["x-page-cache-render", "t0ken"]);
    expect(res.status).toBe(307);
    expect(seen).toEqual([{ url: "/ru", header: "t0ken" }]);
  });
});
