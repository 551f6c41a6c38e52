import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { assertPortFree } from "./lib.mjs";

describe("assertPortFree (bench scripts refuse a port a leftover server holds)", () => {
  let server: net.Server | undefined;
  afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

  const listen = (host?: string) =>
    new Promise<number>((resolve) => {
      server = net.createServer();
      server.listen(0, host, () => resolve((server!.address() as net.AddressInfo).port));
    });

  it("rejects, naming the port and the variables that choose another, when a server listens there", async () => {
    const port = await listen("localhost");
    await expect(assertPortFree(port)).rejects.toThrow(new RegExp(`port ${port} is already in use.*BENCH_APP_PORT`));
  });

  it("resolves for a free port and leaves it free", async () => {
    const port = await listen();
    await new Promise<void>((r) => server!.close(() => r()));
    server = undefined;
    await expect(assertPortFree(port)).resolves.toBeUndefined();
    await expect(assertPortFree(port)).resolves.toBeUndefined();
  });
});
