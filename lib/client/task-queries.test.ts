import { environmentManager, focusManager, MutationObserver, QueryClient, QueryObserver } from "@tanstack/react-query";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POLLING } from "@/lib/spec/contract";
import type { Task } from "@/lib/spec/schema";
import type { Exchange, WaitEntry } from "./api";
import { createTaskMutation, type TaskEvents, taskKey, taskQuery } from "./task-queries";

const task = (status: Task["status"]): Task => ({
  task_id: "task_1",
  model: "nano-banana-2",
  mode: "text-to-video",
  status,
  created_at: "2025-01-01T00:00:00Z",
});
const REQUEST = {
  model: "nano-banana-2" as const,
  mode: "text-to-video" as const,
  input: { prompt: "p", aspect_ratio: "16:9" as const, duration: 6 as const, resolution: "720P" as const },
};

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
const ok =
  (body: unknown, headers: Record<string, string> = {}) =>
  () =>
    Response.json(body, { headers: { "x-request-id": "req_ok", ...headers } });
const err =
  (status: number, headers: Record<string, string> = {}) =>
  () =>
    Response.json(
      { error: { type: status === 429 ? "rate_limit_exceeded" : "internal_error", message: "m", request_id: `req_${status}` } },
      { status, headers },
    );

function recorder() {
  const exchanges: Exchange[] = [];
  const waits: WaitEntry[] = [];
  const events: TaskEvents = { onExchange: (e) => exchanges.push(e), onWait: (w) => waits.push(w) };
  return { exchanges, waits, events };
}

/** Subscribes to the task's query as a mounted useQuery would; collects every status it sees. */
function watch(client: QueryClient, options: ReturnType<typeof taskQuery>) {
  const observer = new QueryObserver(client, options);
  const seen: { status?: string; error?: unknown; failureCount: number }[] = [];
  const unsubscribe = observer.subscribe((r) => seen.push({ status: r.data?.status, error: r.error, failureCount: r.failureCount }));
  return { observer, seen, unsubscribe };
}

let client: QueryClient;
// TanStack Query schedules no timers where there is no `window`; these tests play the browser.
beforeAll(async () => {
  environmentManager.setIsServer(() => false);
  // lib/client/api.ts loads the error schema on the first error response; load it now, on real timers.
  await import("@/lib/spec/schema");
});
beforeEach(() => {
  vi.useFakeTimers();
  client = new QueryClient();
  // As QueryClientProvider does: the client hears when the page shows again.
  client.mount();
});
afterEach(() => {
  client.unmount();
  client.clear();
  focusManager.setFocused(undefined);
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("taskQuery", () => {
  it("after the create's answer, polls at growing intervals until the task is terminal, then stops", async () => {
    const calls = fakeProxy([ok(task("queued")), ok(task("running")), ok(task("running")), ok(task("succeeded"))]);
    const { events, exchanges } = recorder();
    const t0 = Date.now();
    client.setQueryData(taskKey("task_1"), task("queued"));
    const { seen } = watch(client, taskQuery("task_1", events));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls.map((c) => c.at - t0)).toEqual([1000, 2500, 4750, 8125]);
    expect(seen.at(-1)?.status).toBe("succeeded");
    expect(exchanges.map((e) => `${e.label} ${e.status}`)).toEqual(Array(4).fill("Poll status 200"));
  });

  it("a task id without an answer yet is looked at at once", async () => {
    const calls = fakeProxy([ok(task("succeeded"))]);
    watch(client, taskQuery("task_1", recorder().events));
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(1);
    expect(calls[0].url).toBe("/api/tasks/task_1");
  });

  it("retries a 429 after Retry-After and shows the wait between the two exchanges", async () => {
    const calls = fakeProxy([err(429, { "retry-after": "2" }), ok(task("succeeded"))]);
    const { events, exchanges, waits } = recorder();
    const { seen } = watch(client, taskQuery("task_1", events));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls[1].at - calls[0].at).toBeGreaterThanOrEqual(2000);
    expect(exchanges.map((e) => e.status)).toEqual([429, 200]);
    expect(waits).toHaveLength(1);
    expect(waits[0].reason).toMatch(/Rate limited \(429\).*retry 1 of 3 \(Retry-After 2\.0 s honoured\)/);
    expect(seen.at(-1)).toMatchObject({ status: "succeeded", error: null });
  });

  it("stops after three short retries of a 5xx, with the error and the number of failures", async () => {
    const calls = fakeProxy([err(500), err(500), err(500), err(500)]);
    const { events, waits } = recorder();
    const { seen } = watch(client, taskQuery("task_1", events));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toHaveLength(4);
    expect(waits.map((w) => w.delayMs)).toEqual([500, 1000, 2000]);
    const last = seen.at(-1)!;
    expect(last.failureCount).toBe(4);
    expect((last.error as { envelope: { request_id: string } }).envelope.request_id).toBe("req_500");
  });

  it("does not retry a 404", async () => {
    const calls = fakeProxy([() => Response.json({ error: { type: "not_found_error", message: "m" } }, { status: 404 })]);
    const { events, waits } = recorder();
    const { seen } = watch(client, taskQuery("task_1", events));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toHaveLength(1);
    expect(waits).toHaveLength(0);
    expect(seen.at(-1)).toMatchObject({ failureCount: 1, error: expect.objectContaining({ status: 404 }) });
  });

  it("in a hidden tab looks once per hidden interval; shown again, looks at once when a poll is due", async () => {
    const calls = fakeProxy([ok(task("running")), ok(task("running")), ok(task("succeeded"))]);
    const t0 = Date.now();
    client.setQueryData(taskKey("task_1"), task("queued"));
    focusManager.setFocused(false);
    const { observer } = watch(client, taskQuery("task_1", recorder().events, { hidden: true }));
    await vi.advanceTimersByTimeAsync(POLLING.hiddenIntervalMs - 1);
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toHaveLength(1);
    // Shown again: the page passes `hidden: false` and TanStack refetches on focus, as the answer is older than the interval.
    observer.setOptions(taskQuery("task_1", recorder().events, { hidden: false }));
    focusManager.setFocused(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.map((c) => c.at - t0)).toEqual([POLLING.hiddenIntervalMs, POLLING.hiddenIntervalMs + 5000]);
  });

  it("stop watching (disabled and cancelled, as the page does) aborts the poll in flight and sends nothing more", async () => {
    const signals: AbortSignal[] = [];
    // A proxy that answers only after 5 s, unless the request is aborted first.
    vi.stubGlobal("fetch", (_url: string, init: RequestInit) => {
      signals.push(init.signal!);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => resolve(Response.json(task("running"))), 5000);
        init.signal!.addEventListener("abort", () => {
          clearTimeout(timer);
          reject(init.signal!.reason);
        });
      });
    });
    client.setQueryData(taskKey("task_1"), task("running"));
    const options = taskQuery("task_1", recorder().events);
    const { observer } = watch(client, options);
    await vi.advanceTimersByTimeAsync(1000);
    expect(signals).toHaveLength(1);
    observer.setOptions({ ...options, enabled: false });
    await client.cancelQueries({ queryKey: taskKey("task_1") });
    expect(signals[0].aborted).toBe(true);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(signals).toHaveLength(1);
  });
});

describe("createTaskMutation", () => {
  it("retries a 5xx with the same Idempotency-Key when the upstream honours it", async () => {
    const calls = fakeProxy([err(500), ok(task("queued"), { "x-idempotent-replayed": "true" })]);
    const { events, exchanges, waits } = recorder();
    const done = new MutationObserver(client, createTaskMutation(events, { idempotent: true })).mutate({
      request: REQUEST,
      idempotencyKey: "idem_test_key",
      simulate: "create-lost-answer",
    });
    await vi.advanceTimersByTimeAsync(5000);
    await expect(done).resolves.toMatchObject({ task_id: "task_1" });
    expect(calls.map((c) => c.headers["idempotency-key"])).toEqual(["idem_test_key", "idem_test_key"]);
    expect(calls[0].headers["x-simulate"]).toBe("create-lost-answer");
    expect(waits[0].reason).toMatch(/same Idempotency-Key/);
    expect(exchanges.at(-1)?.responseHeaders).toMatchObject({ "x-idempotent-replayed": "true" });
  });

  it("never retries a 5xx blindly: not when the upstream ignores the key", async () => {
    const calls = fakeProxy([err(500), ok(task("queued"))]);
    const observer = new MutationObserver(client, createTaskMutation(recorder().events, { idempotent: false }));
    const done = observer.mutate({ request: REQUEST, idempotencyKey: "idem_test_key" }).catch((e) => e);
    await vi.advanceTimersByTimeAsync(5000);
    expect(await done).toMatchObject({ status: 500 });
    expect(calls).toHaveLength(1);
    expect(observer.getCurrentResult().failureCount).toBe(1);
  });

  it("does not retry a 400 and sends no scenario when there is none", async () => {
    const calls = fakeProxy([
      () => Response.json({ error: { type: "invalid_request_error", message: "m", param: "input.prompt" } }, { status: 400 }),
    ]);
    const done = new MutationObserver(client, createTaskMutation(recorder().events, { idempotent: true }))
      .mutate({ request: REQUEST, idempotencyKey: "idem_test_key" })
      .catch((e) => e);
    await vi.advanceTimersByTimeAsync(5000);
    expect(await done).toMatchObject({ status: 400 });
    expect(calls).toHaveLength(1);
    expect(calls[0].headers["x-simulate"]).toBeUndefined();
  });
});
