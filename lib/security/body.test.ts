import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";
import { bodyRefusal, PROXY_BODY_LIMIT_BYTES } from "./body";

const post = (path: string, headers: Record<string, string>) =>
  new NextRequest(`http://127.0.0.1:3000${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers } });

describe("body caps before buffering (proxy.ts)", () => {
  it.each(["/api/tasks", "/api/simulator/v1/tasks", "/api/no-such-route", "/api/access", "/"])(
    "refuses a body above 64 KiB on %s with a 413 in the envelope, from the headers alone",
    async (path) => {
      const res = await proxy(post(path, { "content-length": String(10 * 1024 * 1024) }));
      expect(res.status).toBe(413);
      expect((await res.json()).error).toMatchObject({ type: "invalid_request_error", param: "body" });
    },
  );

  it("refuses a chunked body (no Content-Length: its size is known only once buffered) with a 411", async () => {
    const res = await proxy(post("/api/tasks", { "transfer-encoding": "chunked" }));
    expect(res.status).toBe(411);
  });

  it("lets a body up to the cap through, and bodiless requests", async () => {
    expect((await proxy(post("/api/tasks", { "content-length": String(PROXY_BODY_LIMIT_BYTES) }))).status).toBe(200);
    expect(bodyRefusal("GET", new Headers({ "content-length": "999999999" }))).toBeNull();
    expect(bodyRefusal("POST", new Headers())).toBeNull();
    expect(bodyRefusal("POST", new Headers({ "content-length": "12abc" }))?.status).toBe(400);
  });
});
