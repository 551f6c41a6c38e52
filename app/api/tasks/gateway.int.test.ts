import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type SimServer, startSimServer } from "@/lib/testing/sim-server";
import { uploadTicket } from "@/lib/testing/upload-ticket";
import { decodeCheck } from "@/lib/upstream/check-header";
import { POST as uploadRoute } from "../uploads/route";
import { GET as statusRoute } from "./[taskId]/route";
import { POST as createRoute } from "./route";

/** The proxy with UPSTREAM_DIALECT=generation-task against the simulator speaking that dialect. */
const KEY = "sk-gateway-SECRET-51c2";
let sim: SimServer;
const seen: string[] = [];
const HOST = { host: "localhost:3000" };

async function record(res: Response) {
  const text = await res.text();
  seen.push(text, JSON.stringify([...res.headers]));
  return {
    status: res.status,
    json: text ? JSON.parse(text) : null,
    headers: res.headers,
    check: decodeCheck(res.headers.get("x-upstream-check")),
  };
}
const create = (body: unknown, headers: Record<string, string> = {}) =>
  createRoute(
    new Request("http://localhost:3000/api/tasks", {
      method: "POST",
      headers: { "content-type": "application/json", ...HOST, ...headers },
      body: JSON.stringify(body),
    }),
  ).then(record);
/** One poll as if no other viewer had asked within the second (sharing answers has its own tests: lib/upstream/poll-cache.test.ts). */
function poll(id: string) {
  (globalThis as { __nb2Polls?: unknown }).__nb2Polls = undefined;
  return statusRoute(new Request(`http://localhost:3000/api/tasks/${id}`, { headers: HOST }), {
    params: Promise.resolve({ taskId: id }),
  }).then(record);
}
async function upload(file: string, type: string) {
  const bytes = readFileSync(path.join("e2e/fixtures", file));
  const form = new FormData();
  form.set("file", new File([bytes], file, { type }));
  const ticket = await uploadTicket(bytes.byteLength);
  return uploadRoute(
    new Request("http://localhost:3000/api/uploads", { method: "POST", body: form, headers: { ...HOST, "x-upload-ticket": ticket } }),
  ).then(record);
}
async function until(id: string, done: (json: any) => boolean) {
  const statuses: string[] = [];
  for (let i = 0; i < 200; i++) {
    const res = await poll(id);
    statuses.push(res.check?.raw && (res.check.raw as any).status);
    if (done(res.json)) return { res, statuses };
    await new Promise((r) => setTimeout(r, 40));
  }
  throw new Error("task did not finish");
}

const T2V = { model: "nano-banana-2", mode: "text-to-video", input: { prompt: "A fox in fresh snow", duration: 6, aspect_ratio: "16:9" } };

beforeAll(async () => {
  sim = await startSimServer();
  delete process.env.UPSTREAM_BASE_URL;
  process.env.UPSTREAM_DIALECT = "generation-task";
  process.env.SIMULATOR_BASE_URL = sim.baseUrl;
  process.env.UPSTREAM_API_KEY = KEY;
  process.env.SIMULATOR_QUEUE_MS = "300";
  process.env.SIMULATOR_RUN_MS_PER_SECOND = "60";
  process.env.SIMULATOR_DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "nb2-gateway-test-"));
});

afterAll(async () => {
  delete process.env.UPSTREAM_DIALECT;
  await sim.close();
  for (const text of seen) expect(text).not.toContain(KEY);
});

beforeEach(() => {
  sim.requests.length = 0;
});

describe("the proxy facing a generation.task gateway", () => {
  it("creates through POST /v1/videos/generations and answers in the guide's contract, raw answer and flags beside", async () => {
    const res = await create(T2V);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      task_id: expect.stringMatching(/^task_/),
      model: "nano-banana-2",
      mode: "text-to-video",
      status: "queued",
      progress: 0,
      created_at: expect.any(String),
    });
    expect(res.headers.get("x-upstream-request")).toBe(`POST ${sim.baseUrl}/gateway/v1/videos/generations`);
    expect(res.headers.get("x-idempotent-creates")).toBe("false");
    expect(res.check).toMatchObject({
      dialect: "generation-task",
      status: 200,
      flags: [],
      raw: { object: "generation.task", model: "gemini_omni", status: "queued", created_at: expect.any(Number) },
    });
    expect(sim.requests[0]).toMatchObject({
      method: "POST",
      path: "/api/simulator/gateway/v1/videos/generations",
      idempotencyKey: expect.any(String),
    });
  });

  it("follows queued/submitted → in_progress → completed to a video with its expiry", async () => {
    const created = await create(T2V);
    const { res, statuses } = await until(created.json.task_id, (t) => t.status === "succeeded");
    expect(statuses).toContain("in_progress");
    expect(statuses.at(-1)).toBe("completed");
    expect(res.json.output).toMatchObject({
      video_url: expect.stringContaining("/api/simulator/files/"),
      width: 1280,
      height: 720,
      duration: 6,
      aspect_ratio: "16:9",
    });
    const expires = Date.parse(res.json.output.expires_at);
    expect(expires - Date.parse(res.json.updated_at)).toBe(24 * 3600 * 1000);
    expect(res.check?.flags).toEqual([]);
    expect(res.check?.raw).toMatchObject({ result: { type: "video", data: [{ format: "mp4" }] }, url: res.json.output.video_url });
  });

  it("says `submitted` for part of the wait, and the proxy calls it queued", async () => {
    process.env.SIMULATOR_QUEUE_MS = "1200";
    try {
      const created = await create({ ...T2V, input: { ...T2V.input, prompt: "A slow fox" } });
      const seenRaw = new Set<string | undefined>();
      for (let i = 0; i < 30; i++) {
        const res = await poll(created.json.task_id);
        const raw = (res.check?.raw as { status: string } | undefined)?.status;
        seenRaw.add(raw);
        if (raw === "submitted") expect(res.json.status).toBe("queued");
        if (raw === "in_progress") break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect([...seenRaw]).toEqual(expect.arrayContaining(["queued", "submitted"]));
    } finally {
      process.env.SIMULATOR_QUEUE_MS = "300";
    }
  });

  it("refuses Video Edit before sending anything, naming the mode", async () => {
    const res = await create({
      model: "nano-banana-2",
      mode: "video-edit",
      input: { prompt: "Make it night", video_url: "https://example.com/v.mp4" },
    });
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({
      type: "invalid_request_error",
      param: "mode",
      message: expect.stringContaining("Video Edit is not available"),
    });
    expect(sim.requests).toEqual([]);
  });

  it("uploads images through /v1/uploads/images (its envelope unwrapped) and runs R2V with three", async () => {
    const urls: string[] = [];
    for (const f of ["ref-1.jpg", "ref-2.jpg", "ref-3.jpg"]) {
      const res = await upload(f, "image/jpeg");
      expect(res.status).toBe(200);
      expect(res.json).toEqual({ id: expect.any(String), url: expect.any(String), mime_type: "image/jpeg", size: expect.any(Number) });
      expect(res.check).toMatchObject({ raw: { success: true, data: res.json }, flags: [] });
      urls.push(res.json.url);
    }
    expect(sim.requests.map((r) => r.path)).toEqual(Array(3).fill("/api/simulator/gateway/v1/uploads/images"));
    const created = await create({ model: "nano-banana-2", mode: "r2v", input: { prompt: "Fuse them", reference_image_urls: urls } });
    expect(created.status).toBe(200);
    const { res } = await until(created.json.task_id, (t) => t.status !== "queued" && t.status !== "running");
    expect(res.json).toMatchObject({ status: "succeeded", mode: "r2v" });
  });

  it("refuses a video upload: the gateway takes only images", async () => {
    const res = await upload("source.mp4", "video/mp4");
    expect(res.status).toBe(400);
    expect(res.json.error.message).toMatch(/only image uploads/);
    expect(sim.requests).toEqual([]);
  });

  it("a refused task is HTTP 200 with status failed upstream, and a failed task in the contract", async () => {
    const created = await create({ ...T2V, input: { ...T2V.input, prompt: "refuse me" } }, { "x-simulate": "content-policy" });
    const { res } = await until(created.json.task_id, (t) => t.status === "failed");
    expect(res.status).toBe(200);
    expect(res.json.error).toEqual({ type: "content_policy_violation", message: expect.stringContaining("content policy") });
    expect(res.check).toMatchObject({ status: 200, flags: [], raw: { status: "failed", error: { code: "content_policy_violation" } } });
  });

  it("maps the gateway's error envelopes by HTTP status", async () => {
    const limited = await create(T2V, { "x-simulate": "rate-limit-always" });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("1");
    expect(limited.json.error).toMatchObject({ type: "rate_limit_exceeded", request_id: expect.stringMatching(/^req_/) });
    expect(limited.check).toMatchObject({ flags: [], raw: { error: { code: "rate_limit_exceeded", type: "rate_limit_exceeded" } } });
    const created = await create(T2V, { "x-simulate": "server-error-always" });
    await poll(created.json.task_id);
    const bad = await poll(created.json.task_id);
    expect(bad.status).toBe(500);
    expect(bad.json.error).toMatchObject({ type: "internal_error", request_id: expect.stringMatching(/^req_/) });
    expect(bad.check).toMatchObject({ flags: [], raw: { error: { code: "internal_error", type: "server_error" } } });
    const auth = await create(T2V, { "x-simulate": "wrong-key" });
    expect(auth.status).toBe(401);
    expect(auth.json.error.type).toBe("authentication_error");
    expect(auth.check?.raw).toMatchObject({ error: { type: "unauthorized" } });
    const missing = await poll("task_doesnotexist");
    expect(missing.status).toBe(404);
    expect(missing.json.error.type).toBe("not_found_error");
  });
});
