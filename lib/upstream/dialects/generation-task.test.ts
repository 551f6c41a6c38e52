import { describe, expect, it } from "vitest";
import type { CreateTaskRequest } from "@/lib/spec/schema";
import { contractFlags } from "../contract-check";
import { generationTaskDialect as d, toIso, videoUrlOf } from "./generation-task";

const CTX = { model: "gemini_omni", supportsVideoEdit: false };
const T2V: CreateTaskRequest = {
  model: "nano-banana-2",
  mode: "text-to-video",
  input: { prompt: "A fox", aspect_ratio: "9:16", duration: 10, resolution: "720P" },
};
const base = { id: "task_abc", object: "generation.task", model: "gemini_omni", created_at: 1_735_689_600 };
const check = (status: number, raw: unknown) => contractFlags(d.answerSchema("task", status, raw), raw);

describe("generation.task: requests", () => {
  it("maps each mode to the flat body (image_urls with 1 or 3 entries, no duration in edit)", () => {
    expect(d.createCall(T2V, CTX)).toEqual({
      path: "/v1/videos/generations",
      body: { model: "gemini_omni", prompt: "A fox", aspect_ratio: "9:16", duration: 10, resolution: "720p" },
    });
    const i2v = d.createCall({ ...T2V, mode: "image-to-video", input: { ...T2V.input, image_url: "https://x/a.png" } }, CTX).body;
    expect(i2v).toMatchObject({ image_urls: ["https://x/a.png"] });
    const refs = ["https://x/1.png", "https://x/2.png", "https://x/3.png"];
    expect(d.createCall({ ...T2V, mode: "r2v", input: { ...T2V.input, reference_image_urls: refs } }, CTX).body).toMatchObject({
      image_urls: refs,
    });
    const edit = d.createCall(
      { ...T2V, mode: "video-edit", input: { prompt: "p", aspect_ratio: "16:9", resolution: "720P", video_url: "https://x/v.mp4" } },
      { ...CTX, supportsVideoEdit: true },
    ).body as Record<string, unknown>;
    expect(edit).toMatchObject({ video_urls: ["https://x/v.mp4"] });
    expect(edit).not.toHaveProperty("duration");
    expect(d.statusPath("task_abc")).toBe("/v1/videos/generations/task_abc");
    expect(d.uploadPath).toBe("/v1/uploads/images");
  });

  it("says plainly that Video Edit is not available unless the setting says the gateway takes video_urls", () => {
    expect(d.refusal("video-edit", CTX)).toMatch(/Video Edit is not available on the configured upstream.*UPSTREAM_SUPPORTS_VIDEO_EDIT/);
    expect(d.refusal("video-edit", { ...CTX, supportsVideoEdit: true })).toBeNull();
    for (const mode of ["text-to-video", "image-to-video", "r2v"] as const) expect(d.refusal(mode, CTX)).toBeNull();
    expect(d.uploadRefusal("video")).toMatch(/only image uploads/);
    expect(d.uploadRefusal("image")).toBeNull();
  });

  it("never marks creates idempotent (the gateway documents no Idempotency-Key)", () => {
    expect(d.idempotentCreates).toBe(false);
  });
});

describe("generation.task: every status", () => {
  it("queued and submitted are both queued, created_at in UNIX seconds becomes ISO", () => {
    for (const status of ["queued", "submitted"]) {
      const raw = { ...base, status, progress: 0 };
      // A task the proxy did not create keeps the gateway's model id here; the service maps it back to ours.
      expect(d.normaliseTask(200, raw)).toEqual({
        ok: true,
        status: 200,
        body: { task_id: "task_abc", model: "gemini_omni", status: "queued", progress: 0, created_at: "2025-01-01T00:00:00.000Z" },
      });
      expect(check(200, raw)).toEqual([]);
    }
  });

  it("a task the proxy created answers with our model id, not the gateway's", () => {
    expect(d.normaliseTask(200, { ...base, status: "queued" }, { request: T2V })).toMatchObject({
      ok: true,
      body: { model: "nano-banana-2" },
    });
  });

  it("in_progress is running with its progress, and the mode of a task the proxy created", () => {
    const res = d.normaliseTask(200, { ...base, status: "in_progress", progress: 42 }, { request: T2V });
    expect(res).toMatchObject({ ok: true, body: { status: "running", progress: 42, mode: "text-to-video" } });
  });

  it("completed reads result.data[0].url and expires_at, and fills the size from the request", () => {
    const raw = {
      ...base,
      status: "completed",
      progress: 100,
      completed_at: 1_735_689_700,
      expires_at: 1_735_776_100,
      result: { type: "video", data: [{ url: "https://cdn/v.mp4", format: "mp4" }] },
    };
    const res = d.normaliseTask(200, raw, { request: T2V });
    expect(res).toMatchObject({
      ok: true,
      body: {
        status: "succeeded",
        progress: 100,
        updated_at: "2025-01-01T00:01:40.000Z",
        output: {
          video_url: "https://cdn/v.mp4",
          expires_at: "2025-01-02T00:01:40.000Z",
          aspect_ratio: "9:16",
          width: 720,
          height: 1280,
          duration: 10,
          resolution: "720P",
        },
      },
    });
    expect(check(200, raw)).toEqual([]);
  });

  it("completed fills the frame of the request's model (gemini-omni-flash at 1080P is 1920×1080)", () => {
    const raw = {
      ...base,
      model: "gemini_omni_flash",
      status: "completed",
      result: { type: "video", data: [{ url: "https://cdn/v.mp4" }] },
    };
    const request: CreateTaskRequest = {
      model: "gemini-omni-flash",
      mode: "text-to-video",
      input: { prompt: "A fox", aspect_ratio: "16:9", duration: 4, resolution: "1080P" },
    };
    expect(d.normaliseTask(200, raw, { request })).toMatchObject({
      ok: true,
      body: { model: "gemini-omni-flash", output: { aspect_ratio: "16:9", resolution: "1080P", width: 1920, height: 1080, duration: 4 } },
    });
  });

  it("failed with HTTP 200 is a failed task carrying the gateway's code and message", () => {
    const raw = { ...base, status: "failed", progress: 0, error: { code: "content_policy_violation", message: "Refused by policy." } };
    expect(d.normaliseTask(200, raw)).toMatchObject({
      ok: true,
      status: 200,
      body: { status: "failed", error: { type: "content_policy_violation", message: "Refused by policy." } },
    });
    expect(check(200, raw)).toEqual([]);
  });

  it("an unknown status is flagged and treated as still running", () => {
    const raw = { ...base, status: "processing", progress: 10 };
    expect(d.normaliseTask(200, raw)).toMatchObject({ ok: true, body: { status: "running" } });
    expect(check(200, raw)).toEqual([{ path: "status", kind: "type", message: expect.stringContaining('got string "processing"') }]);
  });
});

describe("generation.task: documented oddities", () => {
  it("finds the URL at the top level (url), then video_url, skipping an empty one", () => {
    expect(videoUrlOf({ url: "https://a" })).toBe("https://a");
    expect(videoUrlOf({ video_url: "https://b" })).toBe("https://b");
    expect(videoUrlOf({ result: { data: [{ url: "https://c" }] }, url: "https://a" })).toBe("https://c");
    expect(videoUrlOf({ result: { data: [] }, video_url: "https://b" })).toBe("https://b");
    expect(videoUrlOf({ result: { data: [{ url: "" }] }, url: "", video_url: "https://b" })).toBe("https://b");
    const raw = { ...base, status: "completed", progress: 100, url: "https://cdn/top.mp4" };
    expect(d.normaliseTask(200, raw)).toMatchObject({ body: { status: "succeeded", output: { video_url: "https://cdn/top.mp4" } } });
  });

  it("a completed task without any URL is explained as a failure, not shown as a broken video", () => {
    expect(d.normaliseTask(200, { ...base, status: "completed", progress: 100 })).toMatchObject({
      ok: true,
      body: { status: "failed", error: { type: "upstream_error", message: expect.stringContaining("no video URL") } },
    });
  });

  it("reads timestamps in seconds, milliseconds or ISO", () => {
    expect(toIso(1_735_689_600)).toBe("2025-01-01T00:00:00.000Z");
    expect(toIso(1_735_689_600_000)).toBe("2025-01-01T00:00:00.000Z");
    expect(toIso("2025-01-01T00:00:00Z")).toBe("2025-01-01T00:00:00.000Z");
    expect(toIso("1735689600")).toBe("2025-01-01T00:00:00.000Z");
    expect(toIso("never")).toBeUndefined();
  });

  it("flags missing, extra and mistyped fields without throwing", () => {
    const raw = { id: "t", object: "generation.task", status: "queued", progress: "0", created_at: "2025-01-01", extra_field: true };
    const flags = check(200, raw);
    expect(flags).toEqual(
      expect.arrayContaining([
        { path: "model", kind: "missing", message: expect.any(String) },
        { path: "extra_field", kind: "extra", message: expect.any(String) },
        { path: "progress", kind: "type", message: expect.stringContaining("expected number") },
        { path: "created_at", kind: "type", message: expect.stringContaining("expected number") },
      ]),
    );
    expect(d.normaliseTask(200, raw)).toMatchObject({ ok: true, body: { status: "queued", created_at: "2025-01-01T00:00:00.000Z" } });
    expect(d.normaliseTask(200, "<html>")).toMatchObject({ ok: false, status: 502 });
    expect(d.normaliseTask(200, { status: "queued" })).toMatchObject({
      ok: false,
      status: 502,
      error: { message: expect.stringContaining("no id") },
    });
    expect(() => check(200, null)).not.toThrow();
  });
});

describe("generation.task: every error envelope, switched on the HTTP status", () => {
  const cases: [number, string, string][] = [
    [400, "invalid_request", "invalid_request_error"],
    [400, "invalid_request_error", "invalid_request_error"],
    [401, "unauthorized", "authentication_error"],
    [401, "authentication_error", "authentication_error"],
    [402, "insufficient_quota", "insufficient_quota"],
    [404, "not_found", "not_found_error"],
    [422, "content_policy_violation", "content_policy_violation"],
    [429, "rate_limit", "rate_limit_exceeded"],
    [500, "server_error", "internal_error"],
    [503, "whatever", "internal_error"],
  ];
  for (const [status, gatewayType, type] of cases) {
    it(`HTTP ${status} (${gatewayType}) becomes ${type}`, () => {
      const raw = { error: { code: "some_code", message: "Something.", type: gatewayType } };
      expect(d.normaliseTask(status, raw)).toEqual({ ok: false, status, error: { type, message: "Something. (some_code)" } });
      expect(check(status, raw)).toEqual([]);
    });
  }

  it("an error without an envelope still says what happened", () => {
    expect(d.normaliseTask(502, null)).toEqual({
      ok: false,
      status: 502,
      error: { type: "internal_error", message: "The upstream answered HTTP 502 without an error message." },
    });
    expect(check(502, null)).toEqual([{ path: "(body)", kind: "type", message: expect.stringContaining("null") }]);
  });

  it("keeps the gateway's chat-endpoint answer recognisable", () => {
    const raw = { error: { code: "invalid_apitype", message: "invalid apitype: -1", type: "new_api_error" } };
    expect(d.normaliseTask(400, raw)).toMatchObject({
      ok: false,
      error: { type: "invalid_request_error", message: expect.stringContaining("invalid apitype: -1") },
    });
  });
});

describe("generation.task: the upload envelope", () => {
  const up = (status: number, raw: unknown) => ({
    res: d.normaliseUpload(status, raw),
    flags: contractFlags(d.answerSchema("upload", status, raw), raw),
  });
  it("success: data becomes the contract's upload", () => {
    const raw = { success: true, data: { id: "img_1", url: "https://cdn/i.png", mime_type: "image/png", size: 12 } };
    expect(up(200, raw)).toEqual({ res: { ok: true, status: 200, body: raw.data }, flags: [] });
  });
  it("failure: { success: false, message } is a 400 naming the file, even with HTTP 200", () => {
    for (const status of [200, 400]) {
      const raw = { success: false, message: "Unsupported image type." };
      expect(up(status, raw)).toEqual({
        res: { ok: false, status: 400, error: { type: "invalid_request_error", message: "Unsupported image type.", param: "file" } },
        flags: [],
      });
    }
  });
  it("an HTTP error envelope, or success without data", () => {
    expect(up(401, { error: { code: "c", message: "Bad key.", type: "unauthorized" } }).res).toMatchObject({
      ok: false,
      status: 401,
      error: { type: "authentication_error" },
    });
    const odd = up(200, { success: true });
    expect(odd.res).toMatchObject({ ok: false, status: 502 });
    expect(odd.flags).toEqual([{ path: "data", kind: "missing", message: expect.any(String) }]);
  });
});
