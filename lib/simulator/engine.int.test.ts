import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { CreateTaskRequest } from "@/lib/spec/schema";
import { createSimTask, viewSimTask } from "./engine";
import { simStore } from "./store";

const BASE = "http://localhost:3000";

beforeAll(() => {
  process.env.SIMULATOR_QUEUE_MS = "1000";
  process.env.SIMULATOR_RUN_MS_PER_SECOND = "1000";
  process.env.SIMULATOR_DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "nb2-engine-test-"));
});

async function settle(taskId: string) {
  for (let i = 0; i < 300; i++) {
    const task = await simStore().getTask(taskId);
    if (task && task.render.state !== "pending") return task;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("render did not settle");
}

const request = (input: Partial<CreateTaskRequest["input"]>, mode: CreateTaskRequest["mode"] = "text-to-video"): CreateTaskRequest => ({
  model: "nano-banana-2",
  mode,
  input: { prompt: "Lanterns over a river at dusk", aspect_ratio: "16:9", duration: 6, resolution: "720P", ...input },
});

describe("simulator lifecycle", () => {
  it("derives queued → running (growing progress) → succeeded from the clock and the render", async () => {
    const created = await createSimTask(request({}));
    const t0 = created.createdAt;
    const view = (dt: number) => viewSimTask(created, t0 + dt, BASE);

    expect(await view(0)).toMatchObject({ status: "queued", progress: 0, model: "nano-banana-2", mode: "text-to-video" });
    expect(await view(999)).toMatchObject({ status: "queued" });
    const early = await view(1500);
    const late = await view(6000);
    expect(early.status).toBe("running");
    expect(late.status).toBe("running");
    expect(early.progress!).toBeGreaterThan(0);
    expect(late.progress!).toBeGreaterThan(early.progress!);
    // Past the simulated running time but before the render finished: still running, at most 99 %.
    expect((await view(60_000)).progress).toBeLessThanOrEqual(99);

    const done = await settle(created.task_id);
    const finished = await viewSimTask(done, Math.max(t0 + 7000, Date.now()), BASE);
    expect(finished).toMatchObject({
      status: "succeeded",
      progress: 100,
      output: { duration: 6, aspect_ratio: "16:9", resolution: "720P", width: 1280, height: 720 },
    });
    expect(finished.output!.video_url).toMatch(/^http:\/\/localhost:3000\/api\/simulator\/files\/vid_\w+\.mp4$/);
    // The running time a 6 s clip simulates is well above what rendering it took.
    expect(done.render.state === "done" && done.render.finishedAt - t0).toBeLessThan(done.queueMs + done.runMs);
  });

  it("serves an identical request from the render cache", async () => {
    const a = await settle((await createSimTask(request({ prompt: "cache me" }))).task_id);
    const b = await settle((await createSimTask(request({ prompt: "cache me" }))).task_id);
    expect(a.task_id).not.toBe(b.task_id);
    expect(a.render.state === "done" && b.render.state === "done" && a.render.fileId === b.render.fileId).toBe(true);
  });

  it("fails the task, with a reason, when an input cannot be downloaded", async () => {
    const created = await createSimTask(request({ image_url: "http://127.0.0.1:9/missing.png" }, "image-to-video"));
    const done = await settle(created.task_id);
    const view = await viewSimTask(done, created.createdAt + 60_000, BASE);
    expect(view).toMatchObject({
      status: "failed",
      error: { type: "invalid_request_error", message: expect.stringMatching(/Could not download image_url/) },
    });
    expect(view.output).toBeUndefined();
  });
});
