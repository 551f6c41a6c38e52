import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { simulatorKey } from "@/lib/config";
import { errorResponse } from "@/lib/errors";
import { simCreate, simUpload } from "./http";

/**
 * The simulator as a public demo: its render queue and per-client cap answer before a task exists, and
 * an image too large in pixels is refused at upload, naming the field.
 */
const saved = { ...process.env };
beforeAll(() => {
  delete process.env.UPSTREAM_BASE_URL;
  delete process.env.REDIS_URL;
  process.env.UPSTREAM_API_KEY = "sk-limits-test-0123456789";
});
afterEach(() => {
  process.env = { ...saved, UPSTREAM_API_KEY: "sk-limits-test-0123456789" };
  delete process.env.UPSTREAM_BASE_URL;
  delete process.env.REDIS_URL;
});

const create = (prompt: string, client: string) =>
  simCreate(
    new Request("http://127.0.0.1:3000/api/simulator/v1/tasks", {
      method: "POST",
      headers: { authorization: `Bearer ${simulatorKey()}`, "content-type": "application/json", "x-simulator-client": client },
      body: JSON.stringify({ model: "nano-banana-2", mode: "text-to-video", input: { prompt, duration: 6 } }),
    }),
  ).catch(errorResponse);

describe("the simulator's render queue (SIMULATOR_RENDER_QUEUE, SIMULATOR_TASKS_PER_CLIENT)", () => {
  it("refuses a render past the client's share with 429, past the queue with 503 simulator_busy and Retry-After", async () => {
    process.env.SIMULATOR_RENDER_QUEUE = "2";
    process.env.SIMULATOR_TASKS_PER_CLIENT = "1";
    const stamp = Date.now();
    const first = await create(`Queue test one ${stamp}`, "198.51.100.1");
    expect(first.status).toBe(200);
    const again = await create(`Queue test two ${stamp}`, "198.51.100.1");
    expect(again.status).toBe(429);
    expect((await again.json()).error.message).toMatch(/at most 1 per visitor/);
    expect((await create(`Queue test three ${stamp}`, "198.51.100.2")).status).toBe(200);
    const busy = await create(`Queue test four ${stamp}`, "198.51.100.3");
    expect(busy.status).toBe(503);
    expect(busy.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await busy.json()).error).toMatchObject({ type: "simulator_busy", message: expect.stringMatching(/busy/) });
    // The same request as one under way shares its render: no new slot needed.
    expect((await create(`Queue test one ${stamp}`, "198.51.100.4")).status).toBe(200);
  });
});

describe("images above 4096 px on a side", () => {
  it("are refused at upload with a 400 naming the field", async () => {
    const png = Buffer.alloc(64);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(png, 0);
    png.writeUInt32BE(13, 8);
    png.write("IHDR", 12, "latin1");
    png.writeUInt32BE(16384, 16);
    png.writeUInt32BE(16384, 20);
    png[24] = 8;
    png[25] = 6;
    const form = new FormData();
    form.append("file", new Blob([png], { type: "image/png" }), "huge.png");
    const res = await simUpload(
      new Request("http://127.0.0.1:3000/api/simulator/v1/uploads", {
        method: "POST",
        headers: { authorization: `Bearer ${simulatorKey()}` },
        body: form,
      }),
    ).catch(errorResponse);
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ param: "file", message: expect.stringMatching(/16384×16384 px.*at most 4096/) });
  });
});

describe("videos above 4096 px on a side", () => {
  it("end their task failed, naming video_url, before any render", async () => {
    const { execFfmpeg } = await import("./ffmpeg");
    const { mkdtempSync } = await import("node:fs");
    const os = await import("node:os");
    const path = await import("node:path");
    const { readFile } = await import("node:fs/promises");
    const wide = path.join(mkdtempSync(path.join(os.tmpdir(), "nb2-wide-")), "wide.mp4");
    const made = await execFfmpeg([
      "-y",
      "-f",
      "lavfi",
      "-i",
      "color=c=blue:s=4160x64:d=0.2",
      "-c:v",
      "libx264",
      "-pix_fmt",
      "yuv420p",
      wide,
    ]);
    expect(made.code).toBe(0);
    const form = new FormData();
    form.append("file", new Blob([await readFile(wide)], { type: "video/mp4" }), "wide.mp4");
    const upload = await simUpload(
      new Request("http://127.0.0.1:3000/api/simulator/v1/uploads", {
        method: "POST",
        headers: { authorization: `Bearer ${simulatorKey()}` },
        body: form,
      }),
    );
    const { url } = (await upload.json()) as { url: string };
    const created = await simCreate(
      new Request("http://127.0.0.1:3000/api/simulator/v1/tasks", {
        method: "POST",
        headers: { authorization: `Bearer ${simulatorKey()}`, "content-type": "application/json" },
        body: JSON.stringify({ model: "nano-banana-2", mode: "video-edit", input: { prompt: "wide", video_url: url } }),
      }),
    );
    const { task_id } = (await created.json()) as { task_id: string };
    const { simStore } = await import("./store");
    let task = await simStore().getTask(task_id);
    for (let i = 0; i < 100 && task?.render.state === "pending"; i++) {
      await new Promise((r) => setTimeout(r, 100));
      task = await simStore().getTask(task_id);
    }
    expect(task?.render).toMatchObject({
      state: "failed",
      type: "invalid_request_error",
      message: expect.stringMatching(/^video_url is 4160×64 px/),
    });
  });
});
