import { describe, expect, it } from "vitest";
import { SAVED_RUN_FORMAT, SAVED_RUN_VERSION, type SavedRun } from "@/lib/runs/saved-run";
import { ALL, ageParts, filterRuns, historyIdOf, promptStart, runStatus, summarize } from "./summary";

const base: SavedRun = {
  format: SAVED_RUN_FORMAT,
  version: SAVED_RUN_VERSION,
  id: "r1",
  model: "nano-banana-2",
  mode: "text-to-video",
  ranAt: "2026-01-01T00:00:00.000Z",
  request: {
    model: "nano-banana-2",
    mode: "text-to-video",
    input: { prompt: "A red fox\n at dawn", aspect_ratio: "16:9", resolution: "720P", duration: 6 },
  },
  startedAt: 1000,
  finishedAt: 9000,
  exchanges: [],
  waits: [],
  notes: [],
};
const task = (status: "succeeded" | "failed" | "running") => ({ task_id: "t", model: "nano-banana-2", status });

describe("history summaries", () => {
  it("says how a run ended", () => {
    expect(runStatus({ ...base, task: task("succeeded") })).toBe("succeeded");
    expect(runStatus({ ...base, task: task("failed") })).toBe("failed");
    expect(runStatus({ ...base, task: task("running"), stopped: "user" })).toBe("stopped");
    expect(runStatus({ ...base, error: { status: 429, type: "rate_limited", message: "slow down" } })).toBe("error");
    expect(runStatus(base)).toBe("unfinished");
  });

  it("shows the prompt's start on one line, the parameters, the video's length and the run's", () => {
    expect(promptStart("a  b\n c")).toBe("a b c");
    expect(promptStart("x".repeat(100), 10)).toBe(`${"x".repeat(9)}…`);
    const withVideo = { ...base, task: { ...task("succeeded"), output: { video_url: "u", duration: 6.04 } } };
    expect(summarize(withVideo)).toEqual({
      status: "succeeded",
      prompt: "A red fox at dawn",
      params: { aspectRatio: "16:9", resolution: "720P", duration: 6 },
      videoSeconds: 6.04,
      elapsedMs: 8000,
    });
    expect(summarize({ ...withVideo, video: { url: "u", duration: 6 } }).videoSeconds).toBe(6);
    expect(summarize(base).videoSeconds).toBeUndefined();
  });

  it("filters by mode, by status and by every word of a search in the prompt", () => {
    const items = [
      { run: { ...base, id: "a", task: task("succeeded") } },
      { run: { ...base, id: "b", mode: "r2v", task: task("failed") } },
      {
        run: {
          ...base,
          id: "c",
          request: { ...base.request!, input: { ...base.request!.input, prompt: "A blue whale" } },
          error: { status: 500, type: "x", message: "y" },
        },
      },
    ];
    const ids = (f: Partial<{ mode: string; status: string; query: string }>) =>
      filterRuns(items, { mode: ALL, status: ALL, query: "", ...f }).map((i) => i.run.id);
    expect(ids({})).toEqual(["a", "b", "c"]);
    expect(ids({ mode: "r2v" })).toEqual(["b"]);
    expect(ids({ status: "error" })).toEqual(["c"]);
    expect(ids({ query: "FOX dawn" })).toEqual(["a", "b"]);
    expect(ids({ query: "fox whale" })).toEqual([]);
  });

  it("ages in the largest whole unit, and ids that are stable per run", () => {
    expect(ageParts(0, 30_000)).toEqual({ value: -30, unit: "second" });
    expect(ageParts(0, 5 * 60_000)).toEqual({ value: -5, unit: "minute" });
    expect(ageParts(0, 3 * 3_600_000)).toEqual({ value: -3, unit: "hour" });
    expect(ageParts(0, 2 * 86_400_000)).toEqual({ value: -2, unit: "day" });
    // A run started after the panel's last tick of `now` is not in the future: it reads "now".
    expect(ageParts(18_000, 0)).toEqual({ value: 0, unit: "second" });
    expect(ageParts(2 * 3_600_000, 0)).toEqual({ value: 0, unit: "second" });
    expect(ageParts(400, 0)).toEqual({ value: 0, unit: "second" });
    expect(historyIdOf({ idempotencyKey: "idem_1", startedAt: 1 })).toBe("idem_1");
    expect(historyIdOf({ taskId: "t1", startedAt: 5 })).toBe("watch_t1_5");
  });
});
