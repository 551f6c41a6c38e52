import fc from "fast-check";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { kindOfMime, limitsOf, sniffMime } from "@/lib/media";
import { ACCESS_COOKIE } from "@/lib/security/access";
import { signUploadTicket, ticketSecret } from "@/lib/security/upload-ticket";
import { MAX_UPLOAD_FILE_BYTES, MODE_IDS } from "@/lib/spec/contract";
import { parseCreateTaskRequest, TASK_ID_PATTERN } from "@/lib/spec/schema";
import { type Recorded, type RecordingUpstream, startRecordingUpstream } from "@/lib/testing/recording-upstream";
import { uploadTicket } from "@/lib/testing/upload-ticket";
import { GET as statusRoute } from "./tasks/[taskId]/route";
import { POST as createRoute } from "./tasks/route";
import { POST as uploadRoute } from "./uploads/route";

/**
 * Property-based fuzzing of the proxy's route handlers (fast-check, fixed seed, bounded runs):
 * thousands of random and malformed bodies, headers, ids and multipart uploads. Whatever arrives, the
 * proxy never answers 5xx, never forwards an invalid request (every request the upstream receives is
 * checked with the shared schema), never forwards a browser's own headers, and never shows the key.
 */
const KEY = "sk-fuzz-SECRET-5e6f7a8b9c";
const SEED = 20261124;
const ORIGIN = "http://localhost:3000";
let upstream: RecordingUpstream;
const saved = { ...process.env };

/** The only headers the proxy may send upstream (Node's fetch adds the transport ones). */
// idempotency-key: the proxy sends one with every create (the client's, or its own), so a retried create never makes a second task.
const FORWARDABLE = new Set([
  "accept",
  "authorization",
  "x-request-id",
  "idempotency-key",
  "content-type",
  "content-length",
  "host",
  "connection",
  "user-agent",
  "accept-encoding",
  "accept-language",
  "sec-fetch-mode",
  "transfer-encoding",
  "pragma",
  "cache-control",
]);

beforeAll(async () => {
  upstream = await startRecordingUpstream();
  process.env.UPSTREAM_BASE_URL = upstream.baseUrl;
  process.env.UPSTREAM_API_KEY = KEY;
  process.env.UPSTREAM_TIMEOUT_MS = "5000";
  // The fuzzing is about what reaches the upstream: polls of ids this deployment did not create included.
  process.env.WATCH_FOREIGN_TASKS = "true";
  delete process.env.REDIS_URL;
  delete process.env.PLAYGROUND_ACCESS_TOKEN;
  process.env.TRUSTED_PROXY_COUNT = "0";
  // Limits off: the fuzzing is about what reaches the upstream; the limits have their own tests.
  for (const name of ["CREATE_PER_MINUTE", "CREATE_PER_DAY", "UPLOAD_PER_MINUTE", "UPLOAD_PER_DAY", "POLL_PER_MINUTE"])
    process.env[`RATE_LIMIT_${name}`] = "0";
});

afterAll(async () => {
  await upstream.close();
  process.env = saved;
});

beforeEach(() => {
  upstream.requests.length = 0;
});

/** Checks one answer of the proxy and returns what the upstream received because of it. */
async function check(res: Response, before: number): Promise<{ status: number; forwarded: Recorded[] }> {
  const text = await res.text();
  expect(res.status, text).toBeLessThan(500);
  expect(text).not.toContain(KEY);
  for (const [, v] of res.headers) expect(v).not.toContain(KEY);
  const json = JSON.parse(text);
  if (res.status >= 400) {
    expect(json.error).toMatchObject({ type: expect.any(String), message: expect.any(String), request_id: expect.stringMatching(/^req_/) });
  }
  const forwarded = upstream.requests.slice(before);
  for (const r of forwarded) {
    expect(r.headers.authorization).toBe(`Bearer ${KEY}`);
    for (const name of Object.keys(r.headers)) expect(FORWARDABLE.has(name), `forwarded header ${name}`).toBe(true);
  }
  return { status: res.status, forwarded };
}

const validBody = fc.record({
  model: fc.constant("nano-banana-2"),
  mode: fc.constant("text-to-video"),
  input: fc.record({
    prompt: fc.string({ minLength: 1, maxLength: 60 }).filter((s) => s.trim().length > 0),
    duration: fc.constantFrom(6, 10),
    aspect_ratio: fc.constantFrom("16:9", "9:16"),
  }),
});

const url = fc.oneof(
  fc.webUrl(),
  fc.constantFrom("http://localhost/a.png", "javascript:alert(1)", "file:///etc/passwd", "https://169.254.169.254/latest", ""),
  fc.string(),
);
const mutatedBody = fc.record(
  {
    model: fc.oneof(fc.constantFrom("nano-banana-2", "gemini-omni-flash"), fc.string(), fc.jsonValue()),
    mode: fc.oneof(fc.constantFrom(...MODE_IDS), fc.string(), fc.jsonValue()),
    input: fc.oneof(
      fc.record(
        {
          prompt: fc.oneof(
            fc.string({ maxLength: 80 }),
            fc.string({ unit: "grapheme", maxLength: 2100 }),
            fc.constant("   "),
            fc.jsonValue(),
          ),
          duration: fc.oneof(fc.constantFrom(5, 6, 10, "6", 6.0001, -1, Infinity), fc.integer(), fc.jsonValue()),
          aspect_ratio: fc.oneof(fc.constantFrom("16:9", "9:16", "1:1"), fc.string()),
          resolution: fc.oneof(fc.constantFrom("720P", "1080P", "720p"), fc.string()),
          image_url: url,
          reference_image_urls: fc.oneof(fc.array(url, { maxLength: 5 }), fc.jsonValue()),
          video_url: url,
          extra: fc.jsonValue(),
        },
        { requiredKeys: [] },
      ),
      fc.jsonValue(),
    ),
    __proto__: fc.jsonValue(),
    constructor: fc.jsonValue(),
  },
  { requiredKeys: [] },
);

/** A raw body: JSON of anything, near-JSON, or bytes. */
const rawBody = fc.oneof(
  { weight: 3, arbitrary: fc.oneof(validBody, mutatedBody, fc.jsonValue()).map((v) => JSON.stringify(v) ?? "null") },
  { weight: 1, arbitrary: fc.string({ maxLength: 300 }) },
  { weight: 1, arbitrary: fc.oneof(validBody, mutatedBody).map((v) => JSON.stringify(v).slice(0, -1)) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map((b) => new TextDecoder("latin1").decode(b)) },
);

/** Header values a Request accepts: visible ASCII and spaces, no leading or trailing space. */
const headerValue = fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 80 });
const headers = fc.dictionary(
  fc.oneof(
    fc.constantFrom(
      "origin",
      "sec-fetch-site",
      "x-forwarded-for",
      "x-forwarded-host",
      "x-forwarded-proto",
      "cookie",
      "authorization",
      "x-request-id",
      "content-type",
      "accept",
      "x-upstream-url",
      "forwarded",
      "x-real-ip",
    ),
    fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/),
  ),
  fc.oneof(
    headerValue,
    fc.constantFrom(
      ORIGIN,
      "https://evil.example",
      "null",
      "same-origin",
      "cross-site",
      "same-site",
      "none",
      "application/json",
      "text/plain",
    ),
  ),
  { maxKeys: 6 },
);

describe("fuzzing POST /api/tasks", () => {
  it("2000 bodies: answers under 500, and forwards exactly the ones the shared schema accepts", async () => {
    let forwardedTotal = 0;
    await fc.assert(
      fc.asyncProperty(rawBody, async (raw) => {
        const before = upstream.requests.length;
        const res = await createRoute(
          new Request(`${ORIGIN}/api/tasks`, {
            method: "POST",
            headers: { "content-type": "application/json", host: "localhost:3000", origin: ORIGIN, "sec-fetch-site": "same-origin" },
            body: raw,
          }),
        );
        const { status, forwarded } = await check(res, before);
        let parsed: unknown;
        let isJson = true;
        try {
          parsed = JSON.parse(raw);
        } catch {
          isJson = false;
        }
        const oracle = isJson && parseCreateTaskRequest(parsed).ok;
        expect(status === 200, `status ${status} for ${raw.slice(0, 200)}`).toBe(oracle);
        expect(forwarded).toHaveLength(oracle ? 1 : 0);
        for (const r of forwarded) {
          expect(r.path).toBe("/v1/tasks");
          expect(parseCreateTaskRequest(r.json).ok).toBe(true);
        }
        forwardedTotal += forwarded.length;
      }),
      { seed: SEED, numRuns: 2000 },
    );
    // The generators reach both sides of the schema.
    expect(forwardedTotal).toBeGreaterThan(100);
    expect(forwardedTotal).toBeLessThan(1900);
  }, 180_000);

  it("500 random header sets: never a 5xx, never a browser header forwarded, cross-site pages refused", async () => {
    await fc.assert(
      fc.asyncProperty(headers, validBody, async (h, body) => {
        let req: Request;
        try {
          req = new Request(`${ORIGIN}/api/tasks`, {
            method: "POST",
            headers: { "content-type": "application/json", ...h },
            body: JSON.stringify(body),
          });
        } catch {
          return; // a header set no client can send
        }
        const before = upstream.requests.length;
        const { status, forwarded } = await check(await createRoute(req), before);
        const site = req.headers.get("sec-fetch-site");
        if (site === "cross-site" || site === "same-site") expect(status).toBe(403);
        if (status !== 200) expect(forwarded).toHaveLength(0);
        for (const r of forwarded) {
          expect(r.headers.cookie).toBeUndefined();
          expect(r.headers.origin).toBeUndefined();
          expect(r.headers["x-forwarded-for"]).toBeUndefined();
        }
      }),
      { seed: SEED, numRuns: 500 },
    );
  }, 120_000);

  it("300 random cookies with the access gate on: nothing gets through", async () => {
    process.env.PLAYGROUND_ACCESS_TOKEN = "fuzz-gate";
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            headerValue,
            headerValue.map((v) => `${ACCESS_COOKIE}=${v}`),
            fc.base64String().map((v) => `${ACCESS_COOKIE}=v1.9999999999.${v}`),
          ),
          validBody,
          async (cookie, body) => {
            const before = upstream.requests.length;
            const res = await createRoute(
              new Request(`${ORIGIN}/api/tasks`, {
                method: "POST",
                headers: { "content-type": "application/json", cookie },
                body: JSON.stringify(body),
              }),
            );
            const { status, forwarded } = await check(res, before);
            expect(status).toBe(401);
            expect(forwarded).toHaveLength(0);
          },
        ),
        { seed: SEED, numRuns: 300 },
      );
    } finally {
      delete process.env.PLAYGROUND_ACCESS_TOKEN;
    }
  }, 60_000);
});

describe("fuzzing GET /api/tasks/{task_id}", () => {
  it("1500 ids: only well-formed ids reach the upstream, always at the one fixed path", async () => {
    const id = fc.oneof(
      fc.string({ maxLength: 140 }),
      fc.string({ unit: "grapheme", maxLength: 40 }),
      fc.stringMatching(/^[A-Za-z0-9_-]{1,130}$/),
      fc.constantFrom("../v1/uploads", "..", "task_1/../../admin", "task_1?x=1", "task_1#f", "%2e%2e", "task%2F..", "a\nb", "task_1\u0000"),
    );
    await fc.assert(
      fc.asyncProperty(id, async (taskId) => {
        // Each id as if first polled: the second's sharing of answers (lib/upstream/poll-cache.ts) has its own tests.
        (globalThis as { __nb2Polls?: unknown }).__nb2Polls = undefined;
        const before = upstream.requests.length;
        const res = await statusRoute(new Request(`${ORIGIN}/api/tasks/x`), { params: Promise.resolve({ taskId }) });
        const { status, forwarded } = await check(res, before);
        const valid = TASK_ID_PATTERN.test(taskId);
        expect(status === 200).toBe(valid);
        expect(forwarded).toHaveLength(valid ? 1 : 0);
        for (const r of forwarded) {
          expect(r.method).toBe("GET");
          expect(r.path).toBe(`/v1/tasks/${taskId}`);
        }
      }),
      { seed: SEED, numRuns: 1500 },
    );
  }, 120_000);
});

describe("fuzzing POST /api/uploads", () => {
  const MAGIC = {
    png: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    jpeg: [0xff, 0xd8, 0xff, 0xe0],
    webp: [...Buffer.from("RIFF"), 0, 0, 0, 0, ...Buffer.from("WEBP")],
    webm: [0x1a, 0x45, 0xdf, 0xa3],
    mp4: [0, 0, 0, 0x18, ...Buffer.from("ftypisom")],
    gif: [...Buffer.from("GIF89a")],
    sh: [...Buffer.from("#!/bin/sh\n")],
  };
  const fileBytes = fc
    .tuple(fc.oneof(fc.constantFrom(...Object.values(MAGIC)), fc.constant([] as number[])), fc.uint8Array({ maxLength: 2048 }))
    .map(([head, rest]) => {
      const out = new Uint8Array(new ArrayBuffer(head.length + rest.length));
      out.set(head);
      out.set(rest, head.length);
      return out;
    });
  const part = fc.record({
    name: fc.oneof(fc.constant("file"), fc.string({ maxLength: 10 })),
    filename: fc.oneof(fc.constantFrom("a.png", "../../etc/passwd", "x.mp4", ""), fc.string({ maxLength: 30 })),
    type: fc.oneof(fc.constantFrom("image/png", "video/mp4", "text/html", "application/octet-stream", ""), headerValue),
    bytes: fileBytes,
    asString: fc.boolean(),
  });

  it("400 multipart bodies: only one allowed file of an allowed size is forwarded, re-typed from its bytes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(part, { maxLength: 3 }), fc.boolean(), async (parts, breakIt) => {
        const form = new FormData();
        for (const p of parts) {
          if (p.asString) form.append(p.name, new TextDecoder().decode(p.bytes));
          else form.append(p.name, new File([p.bytes], p.filename, { type: p.type }));
        }
        const ticket = { "x-upload-ticket": await uploadTicket(MAX_UPLOAD_FILE_BYTES) };
        let req = new Request(`${ORIGIN}/api/uploads`, { method: "POST", body: form, headers: ticket });
        if (breakIt) {
          // The same body cut short: a malformed multipart stream.
          const bytes = new Uint8Array(await req.arrayBuffer());
          req = new Request(`${ORIGIN}/api/uploads`, {
            method: "POST",
            headers: { "content-type": req.headers.get("content-type")!, ...ticket },
            body: bytes.slice(0, Math.floor(bytes.length / 2)),
          });
        }
        const before = upstream.requests.length;
        const { status, forwarded } = await check(await uploadRoute(req), before);
        if (status !== 200) expect(forwarded).toHaveLength(0);
        else expect(forwarded).toHaveLength(1);
        for (const r of forwarded) {
          expect(r.path).toBe("/v1/uploads");
          expect(r.parts).toHaveLength(1);
          const [sent] = r.parts!;
          expect(sent.name).toBe("file");
          const mime = sniffMime(sent.head);
          expect(mime).not.toBeNull();
          const kind = kindOfMime(mime!);
          expect(kind).not.toBeNull();
          expect(sent.type).toBe(mime);
          expect(sent.size).toBeGreaterThan(0);
          expect(sent.size).toBeLessThanOrEqual(limitsOf(kind!).maxBytes);
        }
      }),
      { seed: SEED, numRuns: 400 },
    );
  }, 120_000);

  it("300 raw bodies with any content type: never a 5xx, nothing forwarded", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          "multipart/form-data; boundary=X",
          "multipart/form-data",
          "application/json",
          "text/plain",
          "multipart/form-data; boundary=",
        ),
        fc.uint8Array({ maxLength: 1024 }),
        async (type, bytes) => {
          const before = upstream.requests.length;
          const res = await uploadRoute(
            new Request(`${ORIGIN}/api/uploads`, {
              method: "POST",
              headers: { "content-type": type, "x-upload-ticket": await uploadTicket(MAX_UPLOAD_FILE_BYTES) },
              body: bytes,
            }),
          );
          const { forwarded } = await check(res, before);
          expect(forwarded).toHaveLength(0);
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
  }, 60_000);

  it("300 forged, mangled and foreign tickets: refused with 400 or 403, nothing forwarded, the body never read", async () => {
    const genuine = await uploadTicket(1000);
    const foreign = signUploadTicket(
      { id: "f", client: "10.0.0.1", size: 1000, expiresAt: Math.floor(Date.now() / 1000) + 60 },
      ticketSecret("not-the-key"),
    );
    const mangled = fc.tuple(fc.constantFrom(genuine, foreign), fc.nat(), fc.string({ minLength: 1, maxLength: 3 })).map(([t, at, s]) => {
      const i = at % t.length;
      const out = t.slice(0, i) + s + t.slice(i + 1);
      return out === genuine ? foreign : out;
    });
    const forged = fc.oneof(
      mangled,
      headerValue,
      fc.string({ maxLength: 200 }).map((p) => `t1.${Buffer.from(p).toString("base64url")}.${"A".repeat(43)}`),
      fc.constant(foreign),
    );
    await fc.assert(
      fc.asyncProperty(forged, async (value) => {
        const before = upstream.requests.length;
        let pulled = 0;
        const body = new ReadableStream<Uint8Array>({
          pull(controller) {
            if (pulled++ > 8) return controller.close();
            controller.enqueue(new Uint8Array(64 * 1024));
          },
        });
        let req: Request;
        try {
          req = new Request(`${ORIGIN}/api/uploads`, {
            method: "POST",
            headers: { "content-type": "multipart/form-data; boundary=x", "x-upload-ticket": value },
            body,
            // @ts-expect-error Node's fetch needs duplex for streamed bodies
            duplex: "half",
          });
        } catch {
          return; // not a header value at all: no request can carry it
        }
        const res = await uploadRoute(req);
        const { status, forwarded } = await check(res, before);
        expect([400, 403]).toContain(status);
        expect(forwarded).toHaveLength(0);
        expect(pulled).toBeLessThanOrEqual(1);
      }),
      { seed: SEED, numRuns: 300 },
    );
  }, 60_000);
});
