import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { probeMp4 } from "@/lib/testing/mp4";
import { type SimServer, startSimServer } from "@/lib/testing/sim-server";
import { uploadTicket } from "@/lib/testing/upload-ticket";
import { POST as uploadRoute } from "../uploads/route";
import { GET as statusRoute } from "./[taskId]/route";
import { POST as createRoute } from "./route";

const KEY = "sk-unit-SECRET-7f3a9c";
let sim: SimServer;
const seen: string[] = [];

/** Every answer the proxy gives in these tests is kept, to prove the key is never in one. */
async function record(res: Response): Promise<{ status: number; json: any; headers: Headers }> {
  const text = await res.text();
  seen.push(text, JSON.stringify([...res.headers]));
  return { status: res.status, json: text ? JSON.parse(text) : null, headers: res.headers };
}

function create(body: unknown, raw?: string) {
  return createRoute(
    new Request("http://localhost:3000/api/tasks", {
      method: "POST",
      headers: { "content-type": "application/json", host: "localhost:3000" },
      body: raw ?? JSON.stringify(body),
    }),
  ).then(record);
}

function poll(taskId: string) {
  // As if no other viewer had asked within the second (sharing answers has its own tests: lib/upstream/poll-cache.test.ts).
  (globalThis as { __nb2Polls?: unknown }).__nb2Polls = undefined;
  return statusRoute(
    new Request(`http://localhost:3000/api/tasks/${encodeURIComponent(taskId)}`, { headers: { host: "localhost:3000" } }),
    {
      params: Promise.resolve({ taskId }),
    },
  ).then(record);
}

async function upload(bytes: Uint8Array<ArrayBuffer>, name: string, type: string) {
  const form = new FormData();
  form.set("file", new File([bytes], name, { type }));
  const ticket = await uploadTicket(bytes.byteLength);
  return uploadRoute(
    new Request("http://localhost:3000/api/uploads", {
      method: "POST",
      body: form,
      headers: { host: "localhost:3000", "x-upload-ticket": ticket },
    }),
  ).then(record);
}

const T2V = { model: "nano-banana-2", mode: "text-to-video", input: { prompt: "A fox in fresh snow", duration: 6, aspect_ratio: "9:16" } };

beforeAll(async () => {
  // The per-client limits have their own tests (app/api/security.test.ts); here they stay out of the way.
  for (const name of ["CREATE_PER_MINUTE", "CREATE_PER_DAY", "UPLOAD_PER_MINUTE", "UPLOAD_PER_DAY", "POLL_PER_MINUTE"])
    process.env[`RATE_LIMIT_${name}`] = "0";
  sim = await startSimServer();
  delete process.env.UPSTREAM_BASE_URL;
  process.env.SIMULATOR_BASE_URL = sim.baseUrl;
  process.env.UPSTREAM_API_KEY = KEY;
  process.env.SIMULATOR_QUEUE_MS = "150";
  process.env.SIMULATOR_RUN_MS_PER_SECOND = "60";
  process.env.SIMULATOR_DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "nb2-route-test-"));
});

afterAll(async () => {
  await sim.close();
  for (const text of seen) expect(text).not.toContain(KEY);
});

beforeEach(() => {
  sim.requests.length = 0;
});

describe("POST /api/tasks", () => {
  it("forwards a valid request to the upstream and relays the queued task", async () => {
    const res = await create(T2V);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ model: "nano-banana-2", mode: "text-to-video", status: "queued" });
    expect(res.json.task_id).toMatch(/^task_[a-f0-9]+$/);
    expect(res.headers.get("x-request-id")).toMatch(/^req_/);
    expect(res.headers.get("x-upstream-request")).toBe(`POST ${sim.baseUrl}/v1/tasks`);
    expect(sim.requests).toEqual([
      { method: "POST", path: "/api/simulator/v1/tasks", idempotencyKey: expect.stringMatching(/^idem_[a-f0-9]{32}$/) },
    ]);
    // Every create goes upstream with an Idempotency-Key, and the answer says which.
    expect(res.headers.get("idempotency-key")).toBe(sim.requests[0].idempotencyKey);
  });

  it.each([
    // Each rule is the schema's (lib/spec/schema.test.ts); here, one field inside input and one beside it.
    [
      { ...T2V, mode: "r2v", input: { prompt: "p", reference_image_urls: ["https://x/a.png", "https://x/b.png"] } },
      "input.reference_image_urls",
      /not 2/,
    ],
    [{ ...T2V, model: "gemini_omni" }, "model", /nano-banana-2 or gemini-omni-flash/],
    [{ ...T2V, input: { ...T2V.input, duration: 4 } }, "input.duration", /6 or 10/],
    [
      { ...T2V, model: "gemini-omni-flash", input: { ...T2V.input, resolution: "1080P" } },
      "input.resolution",
      /resolution 1080P is allowed only with aspect_ratio 16:9/,
    ],
  ])("refuses an invalid body with a 400 naming the field, and never calls the upstream (%#)", async (body, param, message) => {
    const res = await create(body);
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ type: "invalid_request_error", param, message: expect.stringMatching(message) });
    expect(res.json.error.request_id).toMatch(/^req_/);
    expect(sim.requests).toEqual([]);
  });

  it("lists every issue of a body that breaks a rule between two fields, both fields named", async () => {
    const res = await create({ ...T2V, model: "gemini-omni-flash", input: { ...T2V.input, resolution: "1080P" } });
    expect(res.status).toBe(400);
    const message = "resolution 1080P is allowed only with aspect_ratio 16:9.";
    expect(res.json.error.issues).toEqual([
      { param: "input.resolution", message },
      { param: "input.aspect_ratio", message },
    ]);
    expect(sim.requests).toEqual([]);
  });

  it("forwards a gemini-omni-flash request with its own values (4 s, 1080P) under its own id", async () => {
    const body = {
      model: "gemini-omni-flash",
      mode: "text-to-video",
      input: { prompt: "Dunes at noon", duration: 4, aspect_ratio: "16:9", resolution: "1080P" },
    };
    const res = await create(body);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ model: "gemini-omni-flash", mode: "text-to-video", status: "queued" });
    const sent = await fetch(`${sim.baseUrl}/v1/tasks/${res.json.task_id}/request`, { headers: { authorization: `Bearer ${KEY}` } });
    expect(await sent.json()).toEqual(body);
  });

  it("refuses a body that is not JSON", async () => {
    const res = await create(null, "{not json");
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ type: "invalid_request_error", param: "body" });
    expect(sim.requests).toEqual([]);
  });

  it("answers a 502 in the envelope when the upstream cannot be reached", async () => {
    const saved = process.env.SIMULATOR_BASE_URL;
    process.env.SIMULATOR_BASE_URL = "http://127.0.0.1:9/api/simulator";
    try {
      const res = await create(T2V);
      expect(res.status).toBe(502);
      expect(res.json.error).toMatchObject({ type: "upstream_error" });
    } finally {
      process.env.SIMULATOR_BASE_URL = saved;
    }
  });
});

describe("GET /api/tasks/{task_id}", () => {
  it.each(["../v1/uploads", "a b", "x".repeat(129), "task%2F..", ""])("refuses the id %j before it reaches an upstream URL", async (id) => {
    const res = await poll(id);
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ type: "invalid_request_error", param: "task_id" });
    expect(sim.requests).toEqual([]);
  });

  it("relays the upstream's 404 for an unknown task", async () => {
    const res = await poll("task_doesnotexist");
    expect(res.status).toBe(404);
    expect(res.json.error).toMatchObject({ type: "not_found_error", param: "task_id" });
  });

  it("moves a task through queued, running with progress, succeeded, and serves a real MP4", async () => {
    const created = await create(T2V);
    const statuses: string[] = [created.json.status];
    const progress: number[] = [];
    let task = created.json;
    const deadline = Date.now() + 30_000;
    while (task.status !== "succeeded" && task.status !== "failed" && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 60));
      task = (await poll(created.json.task_id)).json;
      if (statuses.at(-1) !== task.status) statuses.push(task.status);
      if (task.status === "running") progress.push(task.progress);
    }
    expect(statuses).toEqual(["queued", "running", "succeeded"]);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(task.output).toMatchObject({ duration: 6, aspect_ratio: "9:16", resolution: "720P", width: 720, height: 1280 });
    // The simulator builds media URLs for the origin the browser used.
    expect(task.output.video_url).toMatch(/^http:\/\/localhost:3000\/api\/simulator\/files\/vid_[a-f0-9]+\.mp4$/);
    const local = task.output.video_url.replace("http://localhost:3000", sim.origin);
    const bytes = new Uint8Array(await (await fetch(local)).arrayBuffer());
    const file = path.join(process.env.SIMULATOR_DATA_DIR!, "downloaded.mp4");
    (await import("node:fs")).writeFileSync(file, bytes);
    const probe = await probeMp4(file);
    expect(probe).toMatchObject({ width: 720, height: 1280 });
    expect(probe.durationSeconds).toBeCloseTo(6, 1);
  });
});

describe("POST /api/uploads", () => {
  const png = new Uint8Array(readFileSync(path.join(process.cwd(), "e2e/fixtures/still.png")));

  it("checks the bytes, forwards the file and relays { id, url, mime_type, size }", async () => {
    const res = await upload(png, "still.png", "image/png");
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ mime_type: "image/png", size: png.byteLength });
    expect(res.json.url).toMatch(/^http:\/\/localhost:3000\/api\/simulator\/files\/upl_/);
    expect(sim.requests.map((r) => r.path)).toEqual(["/api/simulator/v1/uploads"]);
  });

  it("refuses a file whose bytes are not an allowed type, whatever its name says", async () => {
    const res = await upload(new TextEncoder().encode("#!/bin/sh\necho hi\n"), "photo.png", "image/png");
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ param: "file", message: expect.stringMatching(/JPEG, PNG or WebP/) });
    expect(sim.requests).toEqual([]);
  });

  it("refuses a request without a file", async () => {
    const res = await uploadRoute(
      new Request("http://localhost/api/uploads", {
        method: "POST",
        body: new FormData(),
        headers: { "x-upload-ticket": await uploadTicket(1) },
      }),
    ).then(record);
    expect(res.status).toBe(400);
    expect(res.json.error.param).toBe("file");
  });
});

describe("the simulator's key check", () => {
  it.each([
    [{}, /Missing Authorization/],
    [{ authorization: "Bearer wrong" }, /Invalid API key/],
    [{ authorization: KEY }, /Missing Authorization/],
  ])("answers 401 authentication_error (%#)", async (headers, message) => {
    const res = await fetch(`${sim.baseUrl}/v1/tasks`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(T2V),
    });
    expect(res.status).toBe(401);
    const json = await res.json();
    expect(json.error).toMatchObject({ type: "authentication_error", message: expect.stringMatching(message) });
  });
});

describe("fault scenarios (x-simulate) and the Idempotency-Key, through the proxy", () => {
  const createWith = (headers: Record<string, string>, body: unknown = T2V) =>
    createRoute(
      new Request("http://localhost:3000/api/tasks", {
        method: "POST",
        headers: { "content-type": "application/json", host: "localhost:3000", ...headers },
        body: JSON.stringify(body),
      }),
    ).then(record);

  it("refuses an unknown scenario name before calling the upstream, listing the known ones", async () => {
    const res = await createWith({ "x-simulate": "meteor-strike" });
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ param: "x-simulate", message: expect.stringMatching(/bad-request, missing-key/) });
    expect(sim.requests).toEqual([]);
  });

  it("refuses x-simulate when a real upstream is configured", async () => {
    process.env.UPSTREAM_BASE_URL = sim.baseUrl;
    try {
      const res = await createWith({ "x-simulate": "bad-request" });
      expect(res.status).toBe(400);
      expect(res.json.error.message).toMatch(/only on the embedded simulator/);
      expect(sim.requests).toEqual([]);
    } finally {
      delete process.env.UPSTREAM_BASE_URL;
    }
  });

  it("refuses a malformed Idempotency-Key", async () => {
    const res = await createWith({ "idempotency-key": "a b" });
    expect(res.status).toBe(400);
    expect(res.json.error.param).toBe("Idempotency-Key");
  });

  it("returns the same task for a repeated Idempotency-Key, and refuses the key with another body", async () => {
    const key = "idem_route_test_0001";
    const first = await createWith({ "idempotency-key": key });
    const again = await createWith({ "idempotency-key": key });
    expect(again.status).toBe(200);
    expect(again.json.task_id).toBe(first.json.task_id);
    expect(again.headers.get("x-idempotent-replayed")).toBe("true");
    expect(first.headers.get("x-idempotent-replayed")).toBeNull();
    const other = await createWith({ "idempotency-key": key }, { ...T2V, input: { ...T2V.input, prompt: "Something else" } });
    expect(other.status).toBe(400);
    expect(other.json.error.param).toBe("Idempotency-Key");
  });

  it.each([
    ["bad-request", 400, { type: "invalid_request_error", param: "input.prompt" }, null],
    ["missing-key", 401, { type: "authentication_error", message: expect.stringMatching(/Missing Authorization/) }, null],
    ["wrong-key", 401, { type: "authentication_error", message: "Invalid API key." }, null],
    ["rate-limit-create", 429, { type: "rate_limit_exceeded" }, "1"],
    ["chat-endpoint", 400, { code: "invalid_apitype", message: expect.stringMatching(/^invalid apitype: -1/) }, null],
  ])("%s: the create answers %i in the envelope with the proxy's request id", async (scenario, status, error, retryAfter) => {
    const res = await createWith({ "x-simulate": scenario });
    expect(res.status).toBe(status);
    expect(res.json.error).toMatchObject({ ...error, request_id: res.headers.get("x-request-id") });
    expect(res.headers.get("retry-after")).toBe(retryAfter);
  });

  it("create-lost-answer: a 500 after the task was created; the retry with the same key gets that task", async () => {
    const headers = { "x-simulate": "create-lost-answer", "idempotency-key": "idem_lost_answer_01" };
    const first = await createWith(headers);
    expect(first.status).toBe(500);
    const retry = await createWith(headers);
    expect(retry.status).toBe(200);
    expect(retry.headers.get("x-idempotent-replayed")).toBe("true");
    expect((await poll(retry.json.task_id)).status).toBe(200);
  });

  it("slow-upstream: the proxy answers 504 upstream_timeout, and the task exists for the retry", async () => {
    process.env.UPSTREAM_TIMEOUT_MS = "300";
    try {
      const headers = { "x-simulate": "slow-upstream", "idempotency-key": "idem_slow_upstream_01" };
      const first = await createWith(headers);
      expect(first.status).toBe(504);
      expect(first.json.error).toMatchObject({ type: "upstream_timeout", request_id: first.headers.get("x-request-id") });
      const retry = await createWith(headers);
      expect(retry.status).toBe(200);
      expect(retry.headers.get("x-idempotent-replayed")).toBe("true");
    } finally {
      delete process.env.UPSTREAM_TIMEOUT_MS;
    }
  });

  it("not-json: the first poll's HTML answer becomes a 502 upstream_error; the next poll is normal", async () => {
    const created = await createWith({ "x-simulate": "not-json" });
    const first = await poll(created.json.task_id);
    expect(first.status).toBe(502);
    expect(first.json.error).toMatchObject({ type: "upstream_error", message: expect.stringMatching(/not JSON \(text\/html/) });
    expect((await poll(created.json.task_id)).status).toBe(200);
  });

  it("server-error-twice: polls 2 and 3 answer 500, then the task goes on", async () => {
    const created = await createWith({ "x-simulate": "server-error-twice" });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await poll(created.json.task_id)).status);
    expect(statuses).toEqual([200, 500, 500, 200]);
  });

  it("content-policy: the task ends failed (HTTP 200) with the refusal", async () => {
    const created = await createWith({ "x-simulate": "content-policy" });
    let res = await poll(created.json.task_id);
    for (let i = 0; i < 50 && res.json.status !== "failed"; i++) {
      await new Promise((r) => setTimeout(r, 100));
      res = await poll(created.json.task_id);
    }
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ status: "failed", error: { type: "content_policy_violation" } });
  });
});
