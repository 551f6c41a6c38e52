import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { RETRY } from "@/lib/spec/contract";
import { RetryStopped, decide, rateLimitDelay, sleep, withRetries, type Failure, type RetryEvent } from "./retry-policy";

const f = (status: number, retryAfterMs: number | null = null, type = "x"): Failure => ({ status, type, retryAfterMs });
const mid = () => 0.5;

describe("decide: the guide's error table", () => {
  it("429: backs off about 1 s, 2 s, 4 s, then stops after 3 retries", () => {
    const delays = [1, 2, 3].map((n) => decide("poll", f(429), n, { idempotent: false, random: mid }));
    expect(delays.map((d) => d.retry && d.delayMs)).toEqual([1000, 2000, 4000]);
    expect(delays[0]).toMatchObject({ retry: true, retryNumber: 1, maxRetries: 3, reason: expect.stringMatching(/retry 1 of 3/) });
    const stop = decide("poll", f(429), 4, { idempotent: false, random: mid });
    expect(stop).toEqual({ retry: false, reason: expect.stringMatching(/Still rate limited after 3 retries/) });
  });

  it("429: the jitter stays within ±25 % and Retry-After is a floor", () => {
    expect(rateLimitDelay(2, null, () => 0)).toBe(1500);
    expect(rateLimitDelay(2, null, () => 1)).toBe(2500);
    expect(rateLimitDelay(1, 3000, () => 1)).toBe(3000);
    const d = decide("create", f(429, 3000), 1, { idempotent: false, random: () => 0 });
    expect(d).toMatchObject({ retry: true, delayMs: 3000, reason: expect.stringMatching(/Retry-After 3\.0 s honoured/) });
  });

  it("429 on a create is retried even without a key: nothing was created", () => {
    expect(decide("create", f(429), 1, { idempotent: false, random: mid }).retry).toBe(true);
  });

  it.each([500, 502, 504, 0])("%i on a poll: short retries (0.5 s, 1 s, 2 s), then a stop naming the request id", (status) => {
    const ds = [1, 2, 3].map((n) => decide("poll", f(status), n, { idempotent: false }));
    expect(ds.map((d) => d.retry && d.delayMs)).toEqual(RETRY.transient.delaysMs);
    expect(decide("poll", f(status), 4, { idempotent: false })).toEqual({ retry: false, reason: expect.stringMatching(/after 3 retries.*request id/) });
  });

  it("5xx on a create: retried only with an Idempotency-Key, and at most twice", () => {
    expect(decide("create", f(500), 1, { idempotent: false })).toEqual({ retry: false, reason: expect.stringMatching(/not idempotent/) });
    const first = decide("create", f(504), 1, { idempotent: true });
    expect(first).toMatchObject({ retry: true, delayMs: 500, maxRetries: 2, reason: expect.stringMatching(/same Idempotency-Key/) });
    expect(decide("create", f(500), 2, { idempotent: true }).retry).toBe(true);
    expect(decide("create", f(500), 3, { idempotent: true }).retry).toBe(false);
  });

  it("a Retry-After on a 5xx lengthens the short delay", () => {
    expect(decide("poll", f(503, 2500), 1, { idempotent: false })).toMatchObject({ retry: true, delayMs: 2500 });
  });

  it.each([400, 401, 404, 413, 422])("%i: never retried, the fix comes first", (status) => {
    expect(decide("create", f(status), 1, { idempotent: true })).toEqual({ retry: false, reason: `HTTP ${status}: not retried, the same request would fail again. Fix it first.` });
    expect(decide("poll", f(status), 1, { idempotent: true }).retry).toBe(false);
  });
});

class Http extends Error {
  constructor(readonly status: number, readonly retryAfterMs: number | null = null) {
    super(`HTTP ${status}`);
  }
}
const classify = (err: unknown) => (err instanceof Http ? f(err.status, err.retryAfterMs) : null);

describe("withRetries (fake timers)", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  /** A call that fails with each status in turn, then succeeds. */
  function script(statuses: (number | [number, number])[]) {
    const calls: number[] = [];
    const call = async (attempt: number) => {
      calls.push(Date.now());
      const next = statuses[attempt - 1];
      if (next === undefined) return "ok";
      const [status, ra] = Array.isArray(next) ? next : [next, null];
      throw new Http(status, ra);
    };
    return { calls, call };
  }

  it("waits what the policy says between attempts and reports every attempt and wait", async () => {
    const { calls, call } = script([[429, 1000], 500, 500]);
    const events: RetryEvent[] = [];
    const t0 = Date.now();
    const p = withRetries("poll", call, { classify, random: mid, onEvent: (e) => events.push(e) });
    await vi.advanceTimersByTimeAsync(999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2);
    await vi.runAllTimersAsync();
    await expect(p).resolves.toBe("ok");
    // Retries count consecutive failures of any kind: the second 500 is retry 3 (2 s).
    expect(calls.map((t) => t - t0)).toEqual([0, 1000, 2000, 4000]);
    expect(events.map((e) => e.type)).toEqual(["attempt", "wait", "attempt", "wait", "attempt", "wait", "attempt"]);
    expect(events.filter((e) => e.type === "wait").map((e) => (e as { delayMs: number }).delayMs)).toEqual([1000, 1000, 2000]);
  });

  it("stops with RetryStopped after the last retry, carrying the last error", async () => {
    const { calls, call } = script([429, 429, 429, 429, 429]);
    const p = withRetries("create", call, { classify, idempotent: true, random: mid });
    const caught = p.catch((e) => e);
    await vi.runAllTimersAsync();
    const err = await caught;
    expect(err).toBeInstanceOf(RetryStopped);
    expect(err.failures).toBe(4);
    expect((err.cause as Http).status).toBe(429);
    expect(calls).toHaveLength(4);
  });

  it("does not retry a 400 and does not wait", async () => {
    const { calls, call } = script([400]);
    const events: RetryEvent[] = [];
    await expect(withRetries("poll", call, { classify, onEvent: (e) => events.push(e) })).rejects.toMatchObject({ failures: 1 });
    expect(calls).toHaveLength(1);
    expect(events.map((e) => e.type)).toEqual(["attempt", "gave-up"]);
  });

  it("does not retry a create after a 500 without a key", async () => {
    const { calls, call } = script([500]);
    await expect(withRetries("create", call, { classify, idempotent: false })).rejects.toBeInstanceOf(RetryStopped);
    expect(calls).toHaveLength(1);
  });

  it("rethrows errors it cannot classify", async () => {
    const boom = new TypeError("boom");
    await expect(withRetries("poll", () => Promise.reject(boom), { classify })).rejects.toBe(boom);
  });

  it("an abort during a wait ends the retries at once", async () => {
    const { calls, call } = script([500, 500]);
    const abort = new AbortController();
    const p = withRetries("poll", call, { classify, signal: abort.signal });
    const caught = p.catch((e) => e);
    await vi.advanceTimersByTimeAsync(100);
    abort.abort();
    expect((await caught).name).toBe("AbortError");
    await vi.runAllTimersAsync();
    expect(calls).toHaveLength(1);
  });

  it("sleep rejects at once on an aborted signal", async () => {
    await expect(sleep(10, AbortSignal.abort())).rejects.toMatchObject({ name: "AbortError" });
  });
});
