import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POLLING } from "@/lib/spec/contract";
import type { Task } from "@/lib/spec/schema";
import { createTaskFlow, watchTask, type FlowEvent, type Visibility } from "./task-flow";

const task = (status: Task["status"]): Task => ({ task_id: "task_1", model: "nano-banana-2", mode: "text-to-video", status, created_at: "2025-01-01T00:00:00Z" });
const REQUEST = { model: "nano-banana-2" as const, mode: "text-to-video" as const, input: { prompt: "p", aspect_ratio: "16:9" as const, duration: 6 as const, resolution: "720P" as const } };

/** A fake proxy: answers each request with the next scripted response and records when it was asked. */
function fakeProxy(answers: (() => Response)[]) {
  const calls: { at: number; url: string; headers: Record<string, string> }[] = [];
  vi.stubGlobal("fetch", async (url: string, init: RequestInit) => {
    calls.push({ at: Date.now(), url, headers: init.headers as Record<string, string> });
    const next = answers.shift();
    if (!next) throw new Error("no more answers");
    return next();
  });
  return calls;
}
const ok = (body: unknown, headers: Record<string, string> = {}) => () => Response.json(body, { headers: { "x-request-id": "req_ok", ...headers } });
const err = (status: number, headers: Record<string, string> = {}) => () =>
  Response.json({ error: { type: status === 429 ? "rate_limit_exceeded" : "internal_error", message: "m", request_id: `req_${status}` } }, { status, headers });

function visibility(hidden: boolean) {
  const listeners = new Set<() => void>();
  const v: Visibility & { set: (h: boolean) => void } = {
    hidden: () => hidden,
    subscribe: (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    set: (h) => {
      hidden = h;
      for (const cb of listeners) cb();
    },
  };
  return v;
}

// lib/client/api.ts loads the error schema on the first error response (a dynamic import, so zod stays out
// of the page's first load); load it now, on real timers, as a browser would have by then.
beforeAll(async () => {
  await import("@/lib/spec/schema");
});
beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("watchTask", () => {
  it("polls at growing intervals until the task is terminal", async () => {
    const calls = fakeProxy([ok(task("queued")), ok(task("running")), ok(task("running")), ok(task("succeeded"))]);
    const t0 = Date.now();
    const events: FlowEvent[] = [];
    const done = watchTask("task_1", { onEvent: (e) => events.push(e) });
    await vi.runAllTimersAsync();
    await expect(done).resolves.toBe("terminal");
    expect(calls.map((c) => c.at - t0)).toEqual([1000, 2500, 4750, 8125]);
    expect(events.filter((e) => e.type === "task").map((e) => (e as { task: Task }).task.status)).toEqual(["queued", "running", "running", "succeeded"]);
  });

  it("retries a failed poll by the policy and shows the wait", async () => {
    const calls = fakeProxy([err(429, { "retry-after": "2" }), ok(task("succeeded"))]);
    const events: FlowEvent[] = [];
    const done = watchTask("task_1", { pollFirst: true, onEvent: (e) => events.push(e), random: () => 0.5 });
    await vi.runAllTimersAsync();
    await expect(done).resolves.toBe("terminal");
    expect(calls[1].at - calls[0].at).toBe(2000);
    expect(events.map((e) => e.type)).toEqual(["exchange", "wait", "exchange", "task"]);
    const exchanges = events.filter((e) => e.type === "exchange").map((e) => (e as { exchange: { label: string } }).exchange.label);
    expect(exchanges).toEqual(["Poll status", "Poll status (retry 1)"]);
  });

  it("stops with the policy's reason when 500s persist", async () => {
    const calls = fakeProxy([err(500), err(500), err(500), err(500)]);
    const done = watchTask("task_1", { pollFirst: true, onEvent: () => {} });
    const caught = done.catch((e) => e);
    await vi.runAllTimersAsync();
    const e = await caught;
    expect(e.reason).toMatch(/after 3 retries/);
    expect(e.cause.envelope.request_id).toBe("req_500");
    expect(calls).toHaveLength(4);
  });

  it("in a hidden tab looks once per hidden interval, and at once when the tab shows again", async () => {
    const calls = fakeProxy([ok(task("running")), ok(task("running")), ok(task("succeeded"))]);
    const v = visibility(true);
    const t0 = Date.now();
    const done = watchTask("task_1", { onEvent: () => {}, visibility: v });
    await vi.advanceTimersByTimeAsync(POLLING.hiddenIntervalMs - 1);
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toHaveLength(1);
    v.set(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.map((c) => c.at - t0)).toEqual([POLLING.hiddenIntervalMs, POLLING.hiddenIntervalMs + 5000]);
    await vi.runAllTimersAsync();
    await expect(done).resolves.toBe("terminal");
  });

  it("ends with time-limit when the task outlives the watch limit", async () => {
    const calls = fakeProxy(Array.from({ length: 200 }, () => ok(task("running"))));
    const done = watchTask("task_1", { onEvent: () => {}, timeLimitMs: 60_000 });
    await vi.advanceTimersByTimeAsync(60_000);
    await expect(done).resolves.toBe("time-limit");
    expect(calls.length).toBeLessThan(12);
  });

  it("stops at once when aborted", async () => {
    const calls = fakeProxy([ok(task("running"))]);
    const abort = new AbortController();
    const done = watchTask("task_1", { onEvent: () => {}, signal: abort.signal }).catch((e) => e.name);
    abort.abort();
    await vi.runAllTimersAsync();
    expect(await done).toBe("AbortError");
    expect(calls).toHaveLength(0);
  });
});

describe("createTaskFlow", () => {
  it("sends the run's Idempotency-Key and the scenario, and says when the retry got the same task", async () => {
    const calls = fakeProxy([err(500), ok(task("queued"), { "x-idempotent-replayed": "true" })]);
    const events: FlowEvent[] = [];
    const done = createTaskFlow(REQUEST, { idempotencyKey: "idem_test_key", simulate: "create-lost-answer", onEvent: (e) => events.push(e) });
    await vi.runAllTimersAsync();
    await expect(done).resolves.toMatchObject({ task_id: "task_1" });
    expect(calls.map((c) => c.headers["idempotency-key"])).toEqual(["idem_test_key", "idem_test_key"]);
    expect(calls[0].headers["x-simulate"]).toBe("create-lost-answer");
    const note = events.find((e) => e.type === "note") as { text: string };
    expect(note.text).toMatch(/same Idempotency-Key \(idem_test_key\).*task_1.*one task, not two/);
  });

  it("does not retry a 400", async () => {
    const calls = fakeProxy([() => Response.json({ error: { type: "invalid_request_error", message: "m", param: "input.prompt" } }, { status: 400 })]);
    await expect(createTaskFlow(REQUEST, { idempotencyKey: "idem_test_key", onEvent: () => {} })).rejects.toMatchObject({ failures: 1 });
    expect(calls).toHaveLength(1);
    expect(calls[0].headers["x-simulate"]).toBeUndefined();
  });
});
