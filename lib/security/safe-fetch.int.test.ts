import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { downloadPublic } from "./safe-fetch";

describe("downloadPublic on a private test network (SIMULATOR_ALLOW_PRIVATE_FETCH=1)", () => {
  let server: http.Server;
  let port = 0;
  let base = "";
  let dir = "";
  beforeAll(async () => {
    process.env.SIMULATOR_ALLOW_PRIVATE_FETCH = "1";
    dir = await mkdtemp(path.join(tmpdir(), "nb2-safe-fetch-"));
    server = http.createServer((req, res) => {
      if (req.url === "/to-http") res.writeHead(302, { location: `${base}/small` }).end();
      else if (req.url === "/small") res.end(Buffer.alloc(100, 1));
      else if (req.url === "/endless") {
        res.writeHead(200); // no content-length: the cap must hold while reading
        const timer = setInterval(() => res.write(Buffer.alloc(64 * 1024)), 1);
        res.on("close", () => clearInterval(timer));
      } else res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    port = (server.address() as AddressInfo).port;
    base = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    delete process.env.SIMULATOR_ALLOW_PRIVATE_FETCH;
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    await rm(dir, { recursive: true, force: true });
  });
  const dest = (name: string) => path.join(dir, name);

  it("streams the body to the file and connects to the address it checked: the name is resolved once, never again by the socket", async () => {
    const asked: string[] = [];
    // A name the system cannot resolve: only the checked answer can have made the connection.
    const resolve = async (host: string) => {
      asked.push(host);
      return ["127.0.0.1"];
    };
    const size = await downloadPublic(`http://media.invalid:${port}/small`, dest("a.bin"), { maxBytes: 1000, resolve });
    expect(size).toBe(100);
    expect((await readFile(dest("a.bin"))).byteLength).toBe(100);
    expect(asked).toEqual(["media.invalid"]);
  });

  it("does not follow a redirect to plain http", async () => {
    await expect(downloadPublic(`${base}/to-http`, dest("b.bin"), { maxBytes: 1000 })).rejects.toThrow(/plain http/);
  });

  it("stops at the field's cap, with or without a Content-Length, and leaves no partial file", async () => {
    await expect(downloadPublic(`${base}/small`, dest("c.bin"), { maxBytes: 50 })).rejects.toThrow(/larger than 50 bytes/);
    await expect(downloadPublic(`${base}/endless`, dest("d.bin"), { maxBytes: 1024 * 1024 })).rejects.toThrow(/larger than/);
    await expect(stat(dest("d.bin"))).rejects.toThrow();
  });

  it("stops when the disk budget says so, and reports an HTTP error", async () => {
    const full = new Error("disk full");
    await expect(
      downloadPublic(`${base}/endless`, dest("e.bin"), {
        maxBytes: 10 * 1024 * 1024,
        onBytes: () => {
          throw full;
        },
      }),
    ).rejects.toBe(full);
    await expect(downloadPublic(`${base}/missing`, dest("f.bin"), { maxBytes: 1000 })).rejects.toThrow(/HTTP 404/);
  });
});
