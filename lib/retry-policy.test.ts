import { createTranslator } from "next-intl";
import { describe, expect, it, vi } from "vitest";
import { type Catalogue, intlMessages } from "@/lib/i18n";
import { RETRY } from "@/lib/spec/contract";
import { decide, type Failure, type RetryWait, rateLimitDelay, retryOptions } from "./retry-policy";

const f = (status: number, retryAfterMs: number | null = null, type = "x"): Failure => ({ status, type, retryAfterMs });
const mid = () => 0.5;

describe("decide: the guide's error table", () => {
  it("429: backs off about 1 s, 2 s, 4 s, then stops after 3 retries", () => {
    const delays = [1, 2, 3].map((n) => decide("poll", f(429), n, { idempotent: false, random: mid }));
    expect(delays.map((d) => d.retry && d.delayMs)).toEqual([1000, 2000, 4000]);
    expect(delays[0]).toMatchObject({ retry: true, retryNumber: 1, maxRetries: 3, reason: expect.stringMatching(/retry 1 of 3/) });
    const stop = decide("poll", f(429), 4, { idempotent: false, random: mid });
    expect(stop).toMatchObject({ retry: false, reason: expect.stringMatching(/Still rate limited after 3 retries/) });
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
    expect(decide("poll", f(status), 4, { idempotent: false })).toMatchObject({
      retry: false,
      reason: expect.stringMatching(/after 3 retries.*request id/),
    });
  });

  it("5xx on a create: retried only with an Idempotency-Key, and at most twice", () => {
    expect(decide("create", f(500), 1, { idempotent: false })).toMatchObject({
      retry: false,
      reason: expect.stringMatching(/not idempotent/),
    });
    const first = decide("create", f(504), 1, { idempotent: true });
    expect(first).toMatchObject({ retry: true, delayMs: 500, maxRetries: 2, reason: expect.stringMatching(/same Idempotency-Key/) });
    expect(decide("create", f(500), 2, { idempotent: true }).retry).toBe(true);
    expect(decide("create", f(500), 3, { idempotent: true }).retry).toBe(false);
  });

  it("a Retry-After on a 5xx lengthens the short delay", () => {
    expect(decide("poll", f(503, 2500), 1, { idempotent: false })).toMatchObject({ retry: true, delayMs: 2500 });
  });

  it.each([400, 401, 404, 413, 422])("%i: never retried, the fix comes first", (status) => {
    expect(decide("create", f(status), 1, { idempotent: true })).toMatchObject({
      retry: false,
      reason: `HTTP ${status}: not retried, the same request would fail again. Fix it first.`,
    });
    expect(decide("poll", f(status), 1, { idempotent: true }).retry).toBe(false);
  });
});

class Http extends Error {
  constructor(
    readonly status: number,
    readonly retryAfterMs: number | null = null,
  ) {
    super(`HTTP ${status}`);
  }
}
const classify = (err: unknown) => (err instanceof Http ? f(err.status, err.retryAfterMs) : null);

describe("retryOptions: the policy as TanStack Query's retry and retryDelay", () => {
  it("counts the failure at hand (TanStack passes the failures before it) and reports each wait once", () => {
    const waits: RetryWait[] = [];
    const { retry, retryDelay } = retryOptions("poll", { classify, random: mid, onWait: (w) => waits.push(w) });
    // TanStack's order after a failure: retryDelay, then retry.
    expect([retryDelay(0, new Http(429, 1000)), retry(0, new Http(429, 1000))]).toEqual([1000, true]);
    expect([retryDelay(1, new Http(500)), retry(1, new Http(500))]).toEqual([1000, true]);
    expect([retryDelay(3, new Http(500)), retry(3, new Http(500))]).toEqual([0, false]);
    expect(waits.map((w) => [w.retryNumber, w.delayMs])).toEqual([
      [1, 1000],
      [2, 1000],
    ]);
  });

  it("a create after a 5xx: retried only when idempotent", () => {
    expect(retryOptions("create", { classify, idempotent: true }).retry(0, new Http(503))).toBe(true);
    expect(retryOptions("create", { classify, idempotent: false }).retry(0, new Http(503))).toBe(false);
  });

  it("never retries what it cannot classify (an abort, a bug)", () => {
    const onWait = vi.fn();
    const { retry, retryDelay } = retryOptions("poll", { classify, onWait });
    expect([retryDelay(0, new TypeError("boom")), retry(0, new TypeError("boom"))]).toEqual([0, false]);
    expect(onWait).not.toHaveBeenCalled();
  });
});

describe("the policy's words in the page's language", () => {
  it("a decision carries its words: the English of the catalogue is its reason, and Russian has the same key", () => {
    const en = createTranslator({ locale: "en", messages: intlMessages("en") as unknown as Catalogue, namespace: "retry" });
    const ru = createTranslator({ locale: "ru", messages: intlMessages("ru") as unknown as Catalogue, namespace: "retry" });
    const decisions = [
      ...[1, 2, 3, 4].map((n) => decide("create", f(429, n === 2 ? 2000 : null), n, { idempotent: true })),
      ...[1, 4].map((n) => decide("poll", f(0), n, { idempotent: false })),
      ...[1, 4].map((n) => decide("poll", f(500), n, { idempotent: false })),
      decide("create", f(500), 1, { idempotent: true }),
      decide("create", f(500), 1, { idempotent: false }),
      decide("create", f(400), 1, { idempotent: true }),
    ];
    for (const d of decisions) {
      expect(en(d.words.key, d.words.values)).toBe(d.reason);
      expect(ru(d.words.key, d.words.values)).toMatch(/[а-яё]/i);
    }
  });
});
