import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ACCESS_COOKIE, issueAccessCookie } from "@/lib/security/access";
import { signUploadTicket, ticketSecret, UPLOAD_TICKET_TTL_SECONDS } from "@/lib/security/upload-ticket";
import { type SimServer, startSimServer } from "@/lib/testing/sim-server";
import { requestUploadTicket } from "@/lib/testing/upload-ticket";
import { GET as statusRoute } from "./tasks/[taskId]/route";
import { POST as createRoute } from "./tasks/route";
import { POST as uploadRoute } from "./uploads/route";

/**
 * The limits, the access gate and the origin checks, through the real route handlers with the real
 * simulator behind them. Each test is its own client (its own X-Forwarded-For address), so counters of
 * one test never help another.
 */
const KEY = "sk-security-SECRET-a1b2c3";
let sim: SimServer;
let nextIp = 1;
const newClient = () => `198.51.100.${nextIp++}`;

const T2V = { model: "nano-banana-2", mode: "text-to-video", input: { prompt: "Limits test", duration: 6 } };
const png = new Uint8Array(readFileSync(path.join(process.cwd(), "e2e/fixtures/still.png")));

function create(ip: string, body: unknown = T2V, headers: Record<string, string> = {}) {
  return createRoute(
    new Request("http://localhost:3000/api/tasks", {
      method: "POST",
      headers: { "content-type": "application/json", host: "localhost:3000", "x-forwarded-for": ip, ...headers },
      body: JSON.stringify(body),
    }),
  );
}

function poll(ip: string, taskId = "task_doesnotexist", headers: Record<string, string> = {}) {
  return statusRoute(
    new Request(`http://localhost:3000/api/tasks/${taskId}`, { headers: { host: "localhost:3000", "x-forwarded-for": ip, ...headers } }),
    {
      params: Promise.resolve({ taskId }),
    },
  );
}

function ticket(ip: string, size: number, headers: Record<string, string> = {}) {
  return requestUploadTicket({ size }, { "x-forwarded-for": ip, ...headers });
}

function uploadWith(ticketValue: string | null, ip: string, bytes: Uint8Array<ArrayBuffer> = png, headers: Record<string, string> = {}) {
  const form = new FormData();
  form.set("file", new File([bytes], "still.png", { type: "image/png" }));
  const withTicket: Record<string, string> = ticketValue === null ? {} : { "x-upload-ticket": ticketValue };
  return uploadRoute(
    new Request("http://localhost:3000/api/uploads", {
      method: "POST",
      body: form,
      headers: { host: "localhost:3000", "x-forwarded-for": ip, ...withTicket, ...headers },
    }),
  );
}

/** An upload as the browser makes it: a ticket (answered as is when refused), then the file with it. */
async function upload(ip: string, bytes: Uint8Array<ArrayBuffer> = png, headers: Record<string, string> = {}) {
  const issued = await ticket(ip, bytes.byteLength, headers);
  if (!issued.ok) return issued;
  return uploadWith((await issued.json()).ticket, ip, bytes, headers);
}

async function expect429(res: Response, limit: RegExp) {
  expect(res.status).toBe(429);
  const retryAfter = Number(res.headers.get("retry-after"));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  const json = await res.json();
  expect(json.error).toMatchObject({
    type: "rate_limit_exceeded",
    message: expect.stringMatching(limit),
    request_id: expect.stringMatching(/^req_/),
  });
  expect(json.error.message).toContain(`${retryAfter} s`);
}

const saved = { ...process.env };
beforeAll(async () => {
  sim = await startSimServer();
  delete process.env.UPSTREAM_BASE_URL;
  delete process.env.REDIS_URL;
  delete process.env.PLAYGROUND_ACCESS_TOKEN;
  process.env.SIMULATOR_BASE_URL = sim.baseUrl;
  process.env.UPSTREAM_API_KEY = KEY;
  process.env.SIMULATOR_QUEUE_MS = "100";
  process.env.SIMULATOR_RUN_MS_PER_SECOND = "50";
  process.env.SIMULATOR_DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "nb2-security-test-"));
  process.env.TRUSTED_PROXY_COUNT = "0";
});

afterAll(async () => {
  await sim.close();
  process.env = saved;
});

beforeEach(() => {
  sim.requests.length = 0;
  for (const name of ["CREATE_PER_MINUTE", "CREATE_PER_DAY", "UPLOAD_PER_MINUTE", "UPLOAD_PER_DAY", "POLL_PER_MINUTE"])
    delete process.env[`RATE_LIMIT_${name}`];
  delete process.env.PLAYGROUND_ACCESS_TOKEN;
  delete process.env.EMBED_ALLOWED_ORIGINS;
});

describe("limits per client", () => {
  it("task creation by rate: the request past the limit is a 429 with Retry-After and never reaches the upstream", async () => {
    process.env.RATE_LIMIT_CREATE_PER_MINUTE = "3";
    const ip = newClient();
    for (let i = 0; i < 3; i++) expect((await create(ip)).status).toBe(200);
    expect(sim.requests).toHaveLength(3);
    await expect429(await create(ip), /3 task creations per minute/);
    // Invalid bodies count against the rate too (they cost the server, if not the key).
    await expect429(await create(ip, { model: "x" }), /per minute/);
    expect(sim.requests).toHaveLength(3);
    // Another client is not affected.
    expect((await create(newClient())).status).toBe(200);
  });

  it("task creation by daily quota: only forwarded (valid) requests are charged", async () => {
    process.env.RATE_LIMIT_CREATE_PER_MINUTE = "0";
    process.env.RATE_LIMIT_CREATE_PER_DAY = "2";
    const ip = newClient();
    for (let i = 0; i < 4; i++) expect((await create(ip, { ...T2V, input: { ...T2V.input, duration: 5 } })).status).toBe(400);
    expect((await create(ip)).status).toBe(200);
    expect((await create(ip)).status).toBe(200);
    const res = await create(ip);
    await expect429(res, /2 task creations per day/);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(60 * 60);
    expect(sim.requests).toHaveLength(2);
  });

  it("uploads by rate, counted when the ticket is issued (the route proxy.ts runs for)", async () => {
    process.env.RATE_LIMIT_UPLOAD_PER_MINUTE = "2";
    const ip = newClient();
    expect((await upload(ip)).status).toBe(200);
    expect((await upload(ip)).status).toBe(200);
    await expect429(await upload(ip), /2 uploads per minute/);
    await expect429(await ticket(ip, 10), /2 uploads per minute/);
    expect(sim.requests).toHaveLength(2);
    // Another client is not affected.
    expect((await upload(newClient())).status).toBe(200);
  });

  it("uploads by daily quota: a refused file is not charged", async () => {
    process.env.RATE_LIMIT_UPLOAD_PER_MINUTE = "0";
    process.env.RATE_LIMIT_UPLOAD_PER_DAY = "1";
    const ip = newClient();
    expect((await upload(ip, new TextEncoder().encode("not an image"))).status).toBe(400);
    expect((await upload(ip)).status).toBe(200);
    await expect429(await upload(ip), /1 uploads per day/);
    expect(sim.requests).toHaveLength(1);
  });

  it("the daily quota of an upload is charged to the client its ticket names, whatever X-Forwarded-For the upload sends", async () => {
    // proxy.ts does not run for /api/uploads, so a client-sent X-Forwarded-For reaches it unchanged.
    process.env.RATE_LIMIT_UPLOAD_PER_MINUTE = "0";
    process.env.RATE_LIMIT_UPLOAD_PER_DAY = "1";
    const ip = newClient();
    const first = (await (await ticket(ip, png.byteLength)).json()).ticket;
    expect((await uploadWith(first, "203.0.113.1")).status).toBe(200);
    const second = (await (await ticket(ip, png.byteLength)).json()).ticket;
    await expect429(await uploadWith(second, "203.0.113.2"), /1 uploads per day/);
    expect(sim.requests).toHaveLength(1);
  });

  it("polls by rate", async () => {
    process.env.RATE_LIMIT_POLL_PER_MINUTE = "5";
    const ip = newClient();
    for (let i = 0; i < 5; i++) expect((await poll(ip)).status).toBe(404);
    await expect429(await poll(ip), /5 status polls per minute/);
    // Unknown ids: refused by the proxy itself (tasks belong to their deployment), at no cost upstream.
    expect(sim.requests).toHaveLength(0);
  });

  it("the defaults are far above what the playground's own use needs", async () => {
    const ip = newClient();
    for (let i = 0; i < 12; i++) expect((await create(ip, { model: "x" })).status).toBe(400);
    for (let i = 0; i < 60; i++) expect((await poll(ip, "bad id!")).status).toBe(400);
  });

  it("with no trusted proxy, a client cannot pick its identity by adding entries to X-Forwarded-For", async () => {
    process.env.RATE_LIMIT_POLL_PER_MINUTE = "2";
    const ip = newClient();
    // proxy.ts drops the client's header and Next writes the socket address; should a client's entries
    // survive, they stand left of it and are ignored.
    expect((await poll(`10.0.0.1, ${ip}`)).status).toBe(404);
    expect((await poll(`10.0.0.2, ${ip}`)).status).toBe(404);
    expect((await poll(`10.0.0.3, ${ip}`)).status).toBe(429);
  });

  it("behind one trusted proxy, the address that proxy saw is the client", async () => {
    process.env.TRUSTED_PROXY_COUNT = "1";
    process.env.RATE_LIMIT_POLL_PER_MINUTE = "1";
    try {
      const ip = newClient();
      expect((await poll(`1.2.3.4, ${ip}`)).status).toBe(404);
      expect((await poll(`5.6.7.8, ${ip}`)).status).toBe(429);
      expect((await poll(`${newClient()}`)).status).toBe(404);
    } finally {
      process.env.TRUSTED_PROXY_COUNT = "0";
    }
  });
});

describe("the access gate", () => {
  it("refuses every proxy route without the signed cookie (401 in the envelope) and never calls the upstream", async () => {
    const ip = newClient();
    const issued = (await (await ticket(ip, png.byteLength)).json()).ticket;
    process.env.PLAYGROUND_ACCESS_TOKEN = "gate-token-xyz";
    for (const res of [await create(ip), await poll(ip), await ticket(ip, png.byteLength), await uploadWith(issued, ip)]) {
      expect(res.status).toBe(401);
      expect((await res.json()).error).toMatchObject({ type: "authentication_error", message: expect.stringContaining("/access") });
    }
    const forged = { cookie: `${ACCESS_COOKIE}=v1.99999999999.${"A".repeat(43)}` };
    expect((await create(ip, T2V, forged)).status).toBe(401);
    expect(sim.requests).toEqual([]);
  });

  it("lets the same calls through with the cookie the access form sets", async () => {
    process.env.PLAYGROUND_ACCESS_TOKEN = "gate-token-xyz";
    const cookie = { cookie: `${ACCESS_COOKIE}=${issueAccessCookie()}` };
    const ip = newClient();
    const created = await create(ip, T2V, cookie);
    expect(created.status).toBe(200);
    const { task_id } = await created.json();
    expect((await poll(ip, task_id, cookie)).status).toBe(200);
    expect((await upload(ip, png, cookie)).status).toBe(200);
  });
});

describe("same-origin checks on state-changing routes", () => {
  it.each([
    ["create", (h: Record<string, string>) => create(newClient(), T2V, h)],
    ["upload ticket", (h: Record<string, string>) => ticket(newClient(), png.byteLength, h)],
    [
      "upload",
      async (h: Record<string, string>) =>
        uploadWith(await (await ticket("192.0.2.1", png.byteLength)).json().then((t) => t.ticket), newClient(), png, h),
    ],
  ])("%s refuses a call from another site's page with 403 and never calls the upstream", async (_name, call) => {
    const res = await call({ origin: "https://evil.example", "sec-fetch-site": "cross-site" });
    expect(res.status).toBe(403);
    expect((await res.json()).error).toMatchObject({ type: "permission_error" });
    expect((await call({ origin: "https://evil.example" })).status).toBe(403);
    expect(sim.requests).toEqual([]);
  });

  it("accepts the app's own pages and the embed's allowed origins", async () => {
    process.env.EMBED_ALLOWED_ORIGINS = "https://docs.example.com, https://blog.example.com";
    expect((await create(newClient(), T2V, { origin: "http://localhost:3000", "sec-fetch-site": "same-origin" })).status).toBe(200);
    expect((await create(newClient(), T2V, { origin: "https://docs.example.com", "sec-fetch-site": "cross-site" })).status).toBe(200);
    expect((await upload(newClient(), png, { origin: "https://blog.example.com" })).status).toBe(200);
  });

  it("applies to polls too: another site's page may not spend the upstream's polls (an <img src>, a fetch)", async () => {
    expect((await poll(newClient(), "task_doesnotexist", { origin: "https://evil.example", "sec-fetch-site": "cross-site" })).status).toBe(
      403,
    );
    expect((await poll(newClient(), "task_doesnotexist", { "sec-fetch-site": "cross-site", "sec-fetch-dest": "image" })).status).toBe(403);
    expect((await poll(newClient(), "task_doesnotexist", { "sec-fetch-site": "same-origin" })).status).toBe(404);
  });
});

describe("body size caps", () => {
  it("refuses a JSON body over 64 KiB with 413 before it reaches the upstream", async () => {
    const res = await create(newClient(), { ...T2V, input: { ...T2V.input, prompt: "x".repeat(70 * 1024) } });
    expect(res.status).toBe(413);
    expect(sim.requests).toEqual([]);
  });

  it("refuses a streamed JSON body without Content-Length once it passes the cap", async () => {
    const chunk = new TextEncoder().encode(" ".repeat(16 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent++;
        if (sent > 100) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const res = await createRoute(
      new Request("http://localhost:3000/api/tasks", {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": newClient() },
        body,
        // @ts-expect-error Node's fetch needs duplex for streamed bodies
        duplex: "half",
      }),
    );
    expect(res.status).toBe(413);
    expect(sent).toBeLessThan(10);
  });

  it("issues no ticket for a file over the largest allowed size", async () => {
    const res = await ticket(newClient(), 100 * 1024 * 1024 + 1);
    expect(res.status).toBe(413);
    expect((await res.json()).error).toMatchObject({ param: "size", message: expect.stringContaining("at most 100 MB") });
  });

  it("refuses an upload body larger than its ticket admits by its Content-Length, without reading it", async () => {
    const issued = (await (await ticket(newClient(), 1000)).json()).ticket;
    const { body, pulls } = countedBody(16);
    const res = await uploadRoute(
      new Request("http://localhost:3000/api/uploads", {
        method: "POST",
        headers: {
          "content-type": "multipart/form-data; boundary=x",
          "content-length": String(200 * 1024 * 1024),
          "x-upload-ticket": issued,
        },
        body,
        // @ts-expect-error Node's fetch needs duplex for streamed bodies
        duplex: "half",
      }),
    );
    expect(res.status).toBe(413);
    expect((await res.json()).error.message).toMatch(/ticket admits a file of 1000 bytes/);
    expect(pulls()).toBeLessThanOrEqual(1);
    expect(sim.requests).toEqual([]);
  });

  it("refuses a file larger than its ticket declared, counted as it streams (no Content-Length to trust)", async () => {
    const ip = newClient();
    const issued = (await (await ticket(ip, 100)).json()).ticket;
    const res = await uploadWith(issued, ip, png);
    expect(res.status).toBe(413);
    expect((await res.json()).error).toMatchObject({
      param: "file",
      message: expect.stringContaining("larger than the 100 bytes its upload ticket declared"),
    });
  });
});

/** A multipart-looking body of up to `n` 64 KiB chunks that counts how many the reader asked for. */
function countedBody(n: number) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled++ >= n) return controller.close();
      controller.enqueue(new Uint8Array(64 * 1024));
    },
  });
  return { body, pulls: () => pulled };
}

describe("upload tickets", () => {
  const secret = () => ticketSecret(KEY);
  const rawUpload = (headers: Record<string, string>) => {
    const { body, pulls } = countedBody(16);
    const res = uploadRoute(
      new Request("http://localhost:3000/api/uploads", {
        method: "POST",
        headers: { "content-type": "multipart/form-data; boundary=x", host: "localhost:3000", ...headers },
        body,
        // @ts-expect-error Node's fetch needs duplex for streamed bodies
        duplex: "half",
      }),
    );
    return { res, pulls };
  };
  async function refused(headers: Record<string, string>, status: number, message: RegExp) {
    const { res, pulls } = rawUpload(headers);
    const answer = await res;
    expect(answer.status).toBe(status);
    const json = await answer.json();
    expect(json.error).toMatchObject({
      param: "X-Upload-Ticket",
      message: expect.stringMatching(message),
      request_id: expect.stringMatching(/^req_/),
    });
    // Refused before the body is read: the route never pulled the upload's bytes.
    expect(pulls()).toBeLessThanOrEqual(1);
    expect(sim.requests).toEqual([]);
    return json;
  }

  it("an upload without a ticket is refused with a 400 that says how to get one", async () => {
    const json = await refused({}, 400, /POST \/api\/upload-tickets/);
    expect(json.error.type).toBe("invalid_request_error");
  });

  it("a ticket that is not one is a 400", async () => {
    for (const value of ["abc", "t1..", `t1.${"A".repeat(20)}`, `t2.e30.${"A".repeat(43)}`])
      await refused({ "x-upload-ticket": value }, 400, /not an upload ticket/);
  });

  it("an expired ticket is refused with a 403 naming when it expired", async () => {
    const expiresAt = Math.floor(Date.now() / 1000) - 1;
    const expired = signUploadTicket({ id: "expired-1", client: newClient(), size: 5000, expiresAt }, secret());
    const json = await refused(
      { "x-upload-ticket": expired },
      403,
      new RegExp(`expired at ${new Date(expiresAt * 1000).toISOString()}.*${UPLOAD_TICKET_TTL_SECONDS} s`),
    );
    expect(json.error.type).toBe("permission_error");
  });

  it("a ticket is good for one upload", async () => {
    const ip = newClient();
    const issued = (await (await ticket(ip, png.byteLength)).json()).ticket;
    expect((await uploadWith(issued, ip)).status).toBe(200);
    sim.requests.length = 0;
    await refused({ "x-upload-ticket": issued }, 403, /already used/);
  });

  it("the ticket route validates its body", async () => {
    const cases: [unknown, string, RegExp][] = [
      [{}, "size", /^size must be the file's size in bytes/],
      [{ size: "12" }, "size", /^size must be the file's size in bytes/],
      [{ size: 1.5 }, "size", /^size must be a whole number of bytes/],
      [{ size: 0 }, "size", /^size must be at least 1 byte/],
      [{ size: 10, extra: 1 }, "extra", /extra/],
      [null, "body", /^The body must be a JSON object: \{ "size"/],
    ];
    for (const [body, param, message] of cases) {
      const res = await requestUploadTicket(body, { "x-forwarded-for": newClient() });
      expect(res.status, JSON.stringify(body)).toBe(400);
      const { error } = await res.json();
      expect(error, JSON.stringify(body)).toMatchObject({ type: "invalid_request_error", param, message: expect.stringMatching(message) });
    }
  });

  it("the upload route's answers carry the API's policy header (proxy.ts does not run for it)", async () => {
    const ok = await upload(newClient());
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
    const { res } = rawUpload({});
    expect((await res).headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
  });
});
