import { describe, expect, it } from "vitest";
import type { Task } from "@/lib/spec/schema";
import type { Exchange } from "./api";
import { isWatching, runReducer, type Run } from "./run";

const request = { model: "nano-banana-2" as const, mode: "text-to-video" as const, input: { prompt: "p", aspect_ratio: "16:9" as const, duration: 6 as const, resolution: "720P" as const } };
const task = (status: Task["status"]): Task => ({ task_id: "task_1", model: "nano-banana-2", mode: "text-to-video", status, created_at: "2026-01-01T00:00:00.000Z" });
const exchange = (id: string): Exchange => ({ id, label: "x", method: "GET", path: "/api/tasks/task_1", startedAt: 0, latencyMs: 1, status: 200, requestHeaders: {}, responseBody: {} });

function started(): Run {
  return runReducer(null, { type: "start", request, uploads: [exchange("up")], now: 1000 })!;
}

describe("runReducer", () => {
  it("starts with the request and the uploads it used", () => {
    const run = started();
    expect(run).toMatchObject({ request, startedAt: 1000, watchStartedAt: 1000 });
    expect(run.exchanges.map((e) => e.id)).toEqual(["up"]);
    expect(isWatching(run)).toBe(false);
  });

  it("watches until a terminal status and records when it ended", () => {
    let run = runReducer(started(), { type: "task", task: task("queued"), now: 1100 })!;
    expect(isWatching(run)).toBe(true);
    run = runReducer(run, { type: "task", task: task("running"), now: 2000 })!;
    expect(run.finishedAt).toBeUndefined();
    run = runReducer(run, { type: "task", task: task("succeeded"), now: 5000 })!;
    expect(run.finishedAt).toBe(5000);
    expect(isWatching(run)).toBe(false);
  });

  it("records each exchange once, in order", () => {
    let run = started();
    run = runReducer(run, { type: "exchange", exchange: exchange("a") })!;
    run = runReducer(run, { type: "exchange", exchange: exchange("a") })!;
    run = runReducer(run, { type: "exchange", exchange: exchange("b") })!;
    expect(run.exchanges.map((e) => e.id)).toEqual(["up", "a", "b"]);
  });

  it("stops watching on request and resumes with a fresh time window", () => {
    let run = runReducer(started(), { type: "task", task: task("running"), now: 1100 })!;
    run = runReducer(run, { type: "stop", reason: "user" })!;
    expect(run.stopped).toBe("user");
    expect(isWatching(run)).toBe(false);
    run = runReducer(run, { type: "resume", now: 9000 })!;
    expect(run.stopped).toBeUndefined();
    expect(run.watchStartedAt).toBe(9000);
    expect(isWatching(run)).toBe(true);
  });

  it("does not mark a finished task as stopped", () => {
    const done = runReducer(runReducer(started(), { type: "task", task: task("failed"), now: 2000 }), { type: "stop", reason: "time-limit" })!;
    expect(done.stopped).toBeUndefined();
  });

  it("stops watching on an error", () => {
    let run = runReducer(started(), { type: "task", task: task("running"), now: 1100 })!;
    run = runReducer(run, { type: "error", error: { status: 500, type: "internal_error", message: "boom" }, now: 3000 })!;
    expect(isWatching(run)).toBe(false);
    expect(run.error?.type).toBe("internal_error");
  });
});
