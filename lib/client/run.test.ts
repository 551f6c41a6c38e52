import { describe, expect, it } from "vitest";
import { englishRetry, RETRY_WORDS } from "@/lib/spec/contract";
import type { Task } from "@/lib/spec/schema";
import type { Exchange } from "./api";
import { isCreating, isWatching, type Run, runReducer } from "./run";

const REQUEST = {
  model: "nano-banana-2" as const,
  mode: "text-to-video" as const,
  input: { prompt: "p", aspect_ratio: "16:9" as const, resolution: "720P" as const },
};
const task = (status: Task["status"], id = "task_1"): Task => ({
  task_id: id,
  model: "nano-banana-2",
  mode: "text-to-video",
  status,
  created_at: "x",
});
const ex = (id: string) => ({ id }) as Exchange;

describe("runReducer", () => {
  it("a run goes from create to watching to done; exchanges, waits and notes are kept once each", () => {
    let run = runReducer(null, { type: "start", request: REQUEST, uploads: [], now: 1, idempotencyKey: "idem_x" });
    expect(isWatching(run)).toBe(false);
    run = runReducer(run, { type: "exchange", exchange: ex("a") });
    run = runReducer(run, { type: "exchange", exchange: ex("a") });
    run = runReducer(run, { type: "wait", wait: { id: "w", startedAt: 2, delayMs: 500, reason: "r" } });
    run = runReducer(run, { type: "note", words: RETRY_WORDS.stopped });
    run = runReducer(run, { type: "note", words: RETRY_WORDS.stopped });
    run = runReducer(run, { type: "task", task: task("queued"), now: 3 });
    expect(run).toMatchObject({ taskId: "task_1", idempotencyKey: "idem_x", notes: [RETRY_WORDS.stopped] });
    expect(run!.exchanges).toHaveLength(1);
    expect(run!.waits).toHaveLength(1);
    expect(isWatching(run)).toBe(true);
    run = runReducer(run, { type: "task", task: task("succeeded"), now: 9 });
    expect(run).toMatchObject({ finishedAt: 9 });
    expect(isWatching(run)).toBe(false);
    expect(runReducer(run, { type: "stop", reason: "user" })).toBe(run);
  });

  it("the create's answer says when it took a retry: the task replayed under the run's key, or made by the retry", () => {
    const start = runReducer(null, { type: "start", request: REQUEST, uploads: [], now: 1, idempotencyKey: "idem_x" });
    const first = runReducer(start, { type: "created", task: task("queued"), now: 2 });
    expect(first!.notes).toEqual([]);
    const waited = runReducer(start, { type: "wait", wait: { id: "w1", startedAt: 1, delayMs: 500, reason: "r" } });
    const replay = { id: "b", responseHeaders: { "x-idempotent-replayed": "true" } } as unknown as Exchange;
    const replayed = runReducer(runReducer(waited, { type: "exchange", exchange: replay }), {
      type: "created",
      task: task("queued"),
      now: 3,
    });
    expect(replayed!.notes.map(englishRetry)).toEqual([
      expect.stringMatching(/same Idempotency-Key \(idem_x\).*task_1.*one task, not two/),
    ]);
    const retried = runReducer(runReducer(waited, { type: "exchange", exchange: ex("c") }), {
      type: "created",
      task: task("queued"),
      now: 3,
    });
    expect(retried!.notes.map(englishRetry)).toEqual([
      expect.stringMatching(/succeeded on a retry with Idempotency-Key idem_x: task task_1/),
    ]);
    // A create the user moved on from (now watching another task) changes nothing.
    const watching = runReducer(waited, { type: "watch", taskId: "task_2", now: 4 });
    expect(runReducer(watching, { type: "created", task: task("queued"), now: 5 })).toBe(watching);
  });

  it("a run is creating from the click until its create is answered or fails, and not once the user watches a task instead", () => {
    const start = runReducer(null, { type: "start", request: REQUEST, uploads: [], now: 1, idempotencyKey: "idem_x" });
    expect(isCreating(null)).toBe(false);
    expect(isCreating(start)).toBe(true);
    expect(isCreating(runReducer(start, { type: "created", task: task("queued"), now: 2 }))).toBe(false);
    expect(
      isCreating(runReducer(start, { type: "error", error: { status: 429, type: "rate_limit_exceeded", message: "m" }, now: 2 })),
    ).toBe(false);
    expect(isCreating(runReducer(start, { type: "watch", taskId: "task_2", now: 2 }))).toBe(false);
  });

  it("watching a pasted id starts a run without a request; updates of another task are ignored", () => {
    let run = runReducer(null, { type: "watch", taskId: "task_2", now: 5 });
    expect(run).toMatchObject({ taskId: "task_2", watchStartedAt: 5 });
    expect(run!.request).toBeUndefined();
    expect(isWatching(run)).toBe(true);
    run = runReducer(run, { type: "task", task: task("running", "task_other"), now: 6 });
    expect(run!.task).toBeUndefined();
  });

  it("stop, error and resume", () => {
    let run: Run | null = runReducer(null, { type: "watch", taskId: "task_1", now: 0 });
    run = runReducer(run, { type: "stop", reason: "time-limit" });
    expect(isWatching(run)).toBe(false);
    run = runReducer(run, { type: "resume", now: 10 });
    expect(run).toMatchObject({ stopped: undefined, watchStartedAt: 10 });
    run = runReducer(run, { type: "error", error: { status: 500, type: "internal_error", message: "m" }, now: 11 });
    expect(isWatching(run)).toBe(false);
    run = runReducer(run, { type: "resume", now: 12 });
    expect(isWatching(run)).toBe(true);
  });
});
