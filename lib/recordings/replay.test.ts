import { describe, expect, it } from "vitest";
import type { Exchange } from "@/lib/client/api";
import type { SavedRun } from "@/lib/runs/saved-run";
import { recordingVideoUrl, replayFrames } from "./replay";

const REQUEST = {
  model: "nano-banana-2" as const,
  mode: "text-to-video" as const,
  input: { prompt: "a fox at dawn", aspect_ratio: "16:9" as const, resolution: "720P" as const, duration: 6 },
};
const task = (status: "queued" | "running" | "succeeded", extra = {}) => ({
  task_id: "task_1",
  model: "nano-banana-2",
  mode: "text-to-video",
  status,
  ...extra,
});
const ex = (id: string, method: "GET" | "POST", startedAt: number, latencyMs: number, body: unknown): Exchange => ({
  id,
  label: id,
  method,
  path: method === "POST" ? "/api/tasks" : "/api/tasks/task_1",
  startedAt,
  latencyMs,
  status: 200,
  requestHeaders: {},
  responseBody: body,
});
const FINAL = { ...task("succeeded"), output: { video_url: "http://127.0.0.1:3000/api/simulator/files/v.mp4" } };

const SAVED: SavedRun = {
  format: "video-playground.run",
  version: 1,
  id: "r",
  model: "nano-banana-2",
  mode: "text-to-video",
  ranAt: new Date(10_000).toISOString(),
  request: REQUEST,
  startedAt: 10_000,
  finishedAt: 14_500,
  exchanges: [
    ex("create", "POST", 10_000, 100, task("queued")),
    ex("poll1", "GET", 11_100, 50, task("running", { progress: 40 })),
    ex("poll2", "GET", 14_000, 40, FINAL),
  ],
  waits: [{ id: "w1", startedAt: 12_000, delayMs: 1000, reason: "503" }],
  notes: [{ key: "stopped" }],
  taskId: "task_1",
  task: FINAL as SavedRun["task"],
  video: { url: FINAL.output.video_url, file: "t2v.mp4" },
};

describe("replayFrames", () => {
  it("shows each exchange when its answer came, the waits as they began, the task as the latest answer had it", () => {
    const frames = replayFrames(SAVED, "https://play.example/recordings/nano-banana-2/t2v.mp4");
    expect(frames.map((f) => f.at)).toEqual([0, 100, 1150, 2000, 4040, 4500]);
    expect(frames[0].run.exchanges).toEqual([]);
    expect(frames[0].run.taskId).toBeUndefined();
    expect(frames[1].run.exchanges.map((e) => e.id)).toEqual(["create"]);
    expect(frames[1].run.task?.status).toBe("queued");
    expect(frames[2].run.task).toMatchObject({ status: "running", progress: 40 });
    expect(frames[3].run.waits.map((w) => w.id)).toEqual(["w1"]);
    expect(frames[3].run.exchanges).toHaveLength(2);
    // Nothing of the end before the end: no notes, no video, not finished.
    expect(frames.slice(0, -1).every((f) => f.run.notes.length === 0 && !f.run.finishedAt)).toBe(true);
  });

  it("ends with the run as it ended, its video at the file beside the recording, the exchanges as they were", () => {
    const last = replayFrames(SAVED, "https://play.example/recordings/nano-banana-2/t2v.mp4").at(-1)!;
    expect(last.run.task?.output?.video_url).toBe("https://play.example/recordings/nano-banana-2/t2v.mp4");
    expect(last.run.notes).toEqual([{ key: "stopped" }]);
    expect(last.run.request).toEqual(REQUEST);
    expect((last.run.exchanges[2].responseBody as typeof FINAL).output.video_url).toBe(FINAL.output.video_url);
  });
});

describe("recordingVideoUrl", () => {
  it("resolves the file beside the JSON, and nothing that is not beside it", () => {
    expect(recordingVideoUrl(SAVED, "https://docs.example/rec/t2v.json")).toBe("https://docs.example/rec/t2v.mp4");
    for (const file of ["../x.mp4", "https://evil.example/x.mp4", "x.mp4?y", "/abs.mp4", "x.json"])
      expect(recordingVideoUrl({ ...SAVED, video: { url: "u", file } }, "https://docs.example/rec/t2v.json"), file).toBeNull();
    expect(recordingVideoUrl({ ...SAVED, video: undefined }, "https://docs.example/rec/t2v.json")).toBeNull();
  });
});
