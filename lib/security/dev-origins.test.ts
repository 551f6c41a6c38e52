import type { IncomingMessage } from "node:http";
import { Duplex } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";

/**
 * Which pages may use `npm run dev`'s own resources, checked with the guard `next dev` runs before
 * anything else (before proxy.ts) on every /_next request and WebSocket upgrade. Next 16 sends React's
 * debug channel over the HMR WebSocket, so when the guard refuses the socket the initial payload never
 * completes and the page is never hydrated: the guide renders, but nothing on it responds. `npm run dev`
 * binds no hostname, so only localhost is allowed by default; the app is usually opened at 127.0.0.1.
 */
type Guard = (req: IncomingMessage, socket: Duplex, allowedDevOrigins: string[] | undefined, hostname: string | undefined) => boolean;
let blockCrossSiteDEV: Guard;
let allowedDevOrigins: string[] | undefined;

beforeAll(async () => {
  ({ blockCrossSiteDEV } = (await import("next/dist/server/lib/router-utils/block-cross-site-dev.js")) as unknown as {
    blockCrossSiteDEV: Guard;
  });
  ({ allowedDevOrigins } = (await import("@/next.config")).default);
});

/** Whether `next dev` (started by `npm run dev`, so with no hostname) refuses a request from `from`. */
function refused(url: string, _from: string, headers: Record<string, string>): boolean {
  const req = { url, headers: { host: "127.0.0.1:3600", ...headers } } as unknown as IncomingMessage;
  const socket = new Duplex({
    read() {},
    write(_chunk, _encoding, done) {
      done();
    },
  });
  return blockCrossSiteDEV(req, socket, allowedDevOrigins, undefined);
}

const hmrSocket = (origin: string) =>
  refused("/_next/hmr?id=x", origin, { origin, "sec-fetch-mode": "websocket", "sec-fetch-site": "same-origin", upgrade: "websocket" });

describe("npm run dev's own resources (allowedDevOrigins in next.config.ts)", () => {
  it("serve the HMR socket to the app opened at 127.0.0.1 or [::1], so the page hydrates", () => {
    expect(hmrSocket("http://127.0.0.1:3600")).toBe(false);
    expect(hmrSocket("http://[::1]:3600")).toBe(false);
    expect(hmrSocket("http://localhost:3600")).toBe(false);
  });

  it("stay refused to other sites (a page elsewhere may not read the dev server's sources or socket)", () => {
    expect(hmrSocket("https://evil.example")).toBe(true);
    expect(
      refused("/_next/static/chunks/app.js", "https://evil.example", {
        "sec-fetch-mode": "no-cors",
        "sec-fetch-site": "cross-site",
        referer: "https://evil.example/",
      }),
    ).toBe(true);
  });
});
