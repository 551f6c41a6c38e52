import { AsyncLocalStorage } from "node:async_hooks";
import { beforeAll, describe, expect, it } from "vitest";
import { PROXY_BODY_LIMIT_BYTES } from "./body";

/**
 * Which requests proxy.ts runs for, checked with Next's own matcher (the function `next start` uses).
 * For every POST the proxy runs for, Next copies the whole body into memory before the route handler
 * reads it; the upload route must therefore stay out, and the routes whose client address the limits
 * count must stay in. With `proxyClientMaxBodySize` gone from next.config.ts, Next would also cut such a
 * body at its default 10 MB: an upload of 100 MB could not pass through the proxy at all.
 */
type Match = (opts: { config: { matcher?: unknown }; url: string; headers?: Record<string, string>; nextConfig?: unknown }) => boolean;
let doesMatch: Match;
let config: { matcher: unknown[] };
let nextConfig: { experimental?: Record<string, unknown> };

beforeAll(async () => {
  // Next's server modules expect the runtime's AsyncLocalStorage on globalThis.
  (globalThis as { AsyncLocalStorage?: unknown }).AsyncLocalStorage ??= AsyncLocalStorage;
  const testing = (await import("next/experimental/testing/server")) as unknown as { unstable_doesMiddlewareMatch: Match };
  doesMatch = testing.unstable_doesMiddlewareMatch;
  ({ config } = (await import("@/proxy")) as unknown as { config: { matcher: unknown[] } });
  nextConfig = (await import("@/next.config")).default as typeof nextConfig;
});

const runsFor = (url: string, headers?: Record<string, string>) => doesMatch({ config, url, headers, nextConfig });

describe("proxy.ts's matcher", () => {
  it("leaves out the upload route, so a 100 MB upload is never buffered by Next", () => {
    expect(runsFor("/api/uploads")).toBe(false);
    expect(runsFor("/api/uploads?x=1")).toBe(false);
  });

  it("leaves out the simulator's upload routes (only the server calls them)", () => {
    expect(runsFor("/api/simulator/v1/uploads")).toBe(false);
    expect(runsFor("/api/simulator/gateway/v1/uploads/images")).toBe(false);
  });

  it("runs for the upload ticket, the task routes, the access form and the pages: their client address is the socket's", () => {
    for (const url of [
      "/api/upload-tickets",
      "/api/tasks",
      "/api/access",
      "/",
      "/ru",
      "/embed/nano-banana-2",
      "/api/uploads/x",
      "/api/uploadsx",
    ]) {
      expect(runsFor(url), url).toBe(true);
    }
  });

  it("runs for a task's poll only when it brings an X-Forwarded-For to drop (Next writes the socket's address otherwise)", () => {
    expect(runsFor("/api/tasks/task_abc")).toBe(false);
    expect(runsFor("/api/tasks/task_abc", { "x-forwarded-for": "10.0.0.1" })).toBe(true);
    expect(runsFor("/api/tasks/task_abc/extra")).toBe(true);
    expect(runsFor("/api/tasks")).toBe(true);
  });

  it("next.config.ts bounds the copy Next makes of a proxied body to the proxy's own cap (64 KiB)", () => {
    expect(nextConfig.experimental?.proxyClientMaxBodySize).toBe(PROXY_BODY_LIMIT_BYTES);
    expect(nextConfig.experimental?.middlewareClientMaxBodySize).toBeUndefined();
  });
});
