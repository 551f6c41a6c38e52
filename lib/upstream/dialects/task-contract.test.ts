import { describe, expect, it } from "vitest";
import type { CreateTaskRequest } from "@/lib/spec/schema";
import { contractFlags } from "../contract-check";
import { taskContractDialect as d } from "./task-contract";

const CTX = { model: "nano-banana-2", supportsVideoEdit: true };
const REQ: CreateTaskRequest = {
  model: "nano-banana-2",
  mode: "text-to-video",
  input: { prompt: "A fox", aspect_ratio: "16:9", duration: 6, resolution: "720P" },
};
const TASK = {
  task_id: "task_1",
  model: "nano-banana-2",
  mode: "text-to-video",
  status: "queued",
  progress: 0,
  created_at: "2025-01-01T00:00:00.000Z",
};
const check = (kind: "task" | "upload", status: number, raw: unknown) => contractFlags(d.answerSchema(kind, status, raw), raw);

describe("task contract dialect", () => {
  it("sends the guide's body to /v1/tasks with the upstream's model id and honours Idempotency-Key", () => {
    expect(d.createCall(REQ, { ...CTX, model: "other-id" })).toEqual({ path: "/v1/tasks", body: { ...REQ, model: "other-id" } });
    expect(d.statusPath("task_1")).toBe("/v1/tasks/task_1");
    expect(d.uploadPath).toBe("/v1/uploads");
    expect(d.idempotentCreates).toBe(true);
    expect(d.refusal("video-edit", CTX)).toBeNull();
    expect(d.refusal("video-edit", { ...CTX, supportsVideoEdit: false })).toMatch(/UPSTREAM_SUPPORTS_VIDEO_EDIT=false/);
  });

  it("passes every status through unchanged and checks it against the contract", () => {
    const answers = [
      TASK,
      { ...TASK, status: "running", progress: 40, updated_at: TASK.created_at },
      {
        ...TASK,
        status: "succeeded",
        progress: 100,
        output: { video_url: "https://v", duration: 6, aspect_ratio: "16:9", resolution: "720P", width: 1280, height: 720 },
      },
      { ...TASK, status: "failed", error: { type: "content_policy_violation", message: "No." } },
    ];
    for (const raw of answers) {
      expect(d.normaliseTask(200, raw)).toEqual({ ok: true, status: 200, body: raw });
      expect(check("task", 200, raw)).toEqual([]);
    }
  });

  it("flags what differs from the contract", () => {
    const raw = { ...TASK, mode: undefined, status: "done", surprise: 1, output: { video_url: 5 } };
    expect(check("task", 200, raw)).toEqual(
      expect.arrayContaining([
        { path: "mode", kind: "missing", message: expect.any(String) },
        { path: "status", kind: "type", message: expect.stringContaining('got string "done"') },
        { path: "surprise", kind: "extra", message: expect.any(String) },
        { path: "output.video_url", kind: "type", message: expect.stringContaining("got number 5") },
      ]),
    );
  });

  it("keeps the error envelope, and builds one when the upstream sent none", () => {
    const raw = { error: { type: "rate_limit_exceeded", message: "Slow down.", request_id: "req_up" } };
    expect(d.normaliseTask(429, raw)).toEqual({ ok: false, status: 429, error: raw.error });
    expect(check("task", 429, raw)).toEqual([]);
    expect(d.normaliseTask(500, "oops")).toEqual({
      ok: false,
      status: 500,
      error: { type: "internal_error", message: "The upstream answered HTTP 500 without an error envelope." },
    });
    expect(d.normaliseUpload(401, {})).toMatchObject({ ok: false, status: 401, error: { type: "authentication_error" } });
    expect(check("upload", 200, { id: "u", url: "https://u", mime_type: "image/png", size: 3 })).toEqual([]);
  });
});
