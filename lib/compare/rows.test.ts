import { describe, expect, it } from "vitest";
import type { Exchange } from "@/lib/client/api";
import { SAVED_RUN_FORMAT, SAVED_RUN_VERSION, type SavedRun } from "@/lib/runs/saved-run";
import type { CreateTaskRequest } from "@/lib/spec/form-state";
import { compareRows, promptDiff, promptsDiffer } from "./rows";
import { runTimings } from "./timings";

function saved(id: string, request: CreateTaskRequest, extra: Partial<SavedRun> = {}): SavedRun {
  return {
    format: SAVED_RUN_FORMAT,
    version: SAVED_RUN_VERSION,
    id,
    model: request.model,
    mode: request.mode,
    ranAt: new Date(0).toISOString(),
    request,
    startedAt: 0,
    exchanges: [],
    waits: [],
    notes: [],
    ...extra,
  };
}

const t2v = (prompt: string, aspect = "16:9", duration = 6): CreateTaskRequest => ({
  model: "nano-banana-2",
  mode: "text-to-video",
  input: { prompt, aspect_ratio: aspect, duration, resolution: "720P" },
});

describe("compareRows", () => {
  it("highlights exactly the parameters that differ", () => {
    const rows = compareRows([saved("a", t2v("a fox", "16:9")), saved("b", t2v("a fox", "9:16"))]);
    const differing = rows.filter((r) => r.differs).map((r) => r.key);
    expect(differing).toEqual(["aspect_ratio"]);
    expect(rows.find((r) => r.key === "aspect_ratio")?.values).toEqual(["16:9", "9:16"]);
  });

  it("a field one run did not send (duration in Video Edit) differs from a sent one; media rows only when sent", () => {
    const edit: CreateTaskRequest = {
      model: "nano-banana-2",
      mode: "video-edit",
      input: { prompt: "warmer", aspect_ratio: "16:9", resolution: "720P", video_url: "https://x/v.mp4" },
    };
    const rows = compareRows([saved("a", t2v("warmer")), saved("b", edit)]);
    expect(rows.find((r) => r.key === "duration")).toMatchObject({ values: ["6", null], differs: true });
    expect(rows.find((r) => r.key === "video_url")).toMatchObject({ values: [null, "https://x/v.mp4"], differs: true });
    expect(rows.some((r) => r.key === "image_url")).toBe(false);
  });

  it("status comes from the task, or from the run's error", () => {
    const ok = saved("a", t2v("x"), { task: { task_id: "t1", model: "nano-banana-2", status: "succeeded" }, taskId: "t1" });
    const refused = saved("b", t2v("x"), { error: { status: 400, type: "invalid_request_error", message: "no" } });
    const rows = compareRows([ok, refused]);
    expect(rows.find((r) => r.key === "status")).toMatchObject({ values: ["succeeded", "error"], differs: true });
    // Task ids always differ: not highlighted.
    expect(rows.find((r) => r.key === "task_id")?.differs).toBe(false);
  });
});

describe("promptDiff", () => {
  it("marks the words added and removed against the first run's prompt", () => {
    const runs = [saved("a", t2v("a red fox at dawn")), saved("b", t2v("a grey fox at dusk"))];
    expect(promptsDiffer(runs)).toBe(true);
    const [first, second] = promptDiff(runs);
    expect(first).toEqual([{ text: "a red fox at dawn", kind: "same" }]);
    expect(second.filter((p) => p.kind === "removed").map((p) => p.text.trim())).toEqual(["red", "dawn"]);
    expect(second.filter((p) => p.kind === "added").map((p) => p.text.trim())).toEqual(["grey", "dusk"]);
    // The second prompt is its same and added parts, in order.
    expect(
      second
        .filter((p) => p.kind !== "removed")
        .map((p) => p.text)
        .join(""),
    ).toBe("a grey fox at dusk");
  });

  it("diffs a Russian prompt by whole words, not letters", () => {
    const runs = [saved("a", t2v("Закат над городом, дождь")), saved("b", t2v("Рассвет над городом, туман"))];
    const [, second] = promptDiff(runs);
    expect(second.filter((p) => p.kind === "removed").map((p) => p.text.trim())).toEqual(["Закат", "дождь"]);
    expect(second.filter((p) => p.kind === "added").map((p) => p.text.trim())).toEqual(["Рассвет", "туман"]);
  });

  it("equal prompts have nothing added or removed", () => {
    const runs = [saved("a", t2v("same words")), saved("b", t2v("same words", "9:16"))];
    expect(promptsDiffer(runs)).toBe(false);
    expect(promptDiff(runs)[1].every((p) => p.kind === "same")).toBe(true);
  });
});

describe("runTimings", () => {
  const ex = (label: string, startedAt: number, latencyMs: number, status: string): Exchange => ({
    id: `${label}${startedAt}`,
    label,
    method: label === "Create task" ? "POST" : "GET",
    path: "/api/tasks",
    startedAt,
    latencyMs,
    status: 200,
    requestHeaders: {},
    responseBody: { task_id: "t", status },
  });

  it("queued until the first answer that is not queued, running until the first terminal one, total to the end", () => {
    const run = {
      startedAt: 1000,
      finishedAt: 9500,
      exchanges: [
        ex("Create task", 1000, 100, "queued"),
        ex("Poll status", 2100, 50, "queued"),
        ex("Poll status", 3600, 50, "running"),
        ex("Poll status", 5850, 50, "running"),
        ex("Poll status", 9200, 50, "succeeded"),
      ],
    };
    expect(runTimings(run)).toEqual({ queuedMs: 3650 - 1100, runningMs: 9250 - 3650, totalMs: 8500 });
  });

  it("a run refused at the create has a total only", () => {
    const refused: Exchange = { ...ex("Create task", 0, 30, "x"), status: 400, responseBody: { error: { type: "invalid_request_error" } } };
    expect(runTimings({ startedAt: 0, finishedAt: 30, exchanges: [refused] })).toEqual({ totalMs: 30 });
  });
});
