/**
 * The client policy of the guide's error table, implemented once: what to do after a failed create or
 * poll. Pure (time and randomness are injected), so every branch is unit-tested with fake timers; the
 * browser, the bench script and the exported code all follow it.
 */
import { RETRY, RETRY_MESSAGES } from "@/lib/spec/contract";
import { RetryStopped } from "./retry-stopped";

export { RetryStopped };

export type Operation = "create" | "poll";

/** What failed: HTTP status (0 = no answer at all), error type, and Retry-After in ms when sent. */
export type Failure = { status: number; type: string; retryAfterMs: number | null };

export type Decision =
  | { retry: true; delayMs: number; reason: string; retryNumber: number; maxRetries: number }
  | { retry: false; reason: string };

/** 5xx, a timeout or no answer: the upstream's trouble, worth a short retry (a poll is always safe to repeat). */
export function isTransient(status: number): boolean {
  return status === 0 || status >= 500;
}

/**
 * The backoff before retry `retry` (1-based) after a 429: base × factor^(retry−1), ± jitter, and never
 * less than Retry-After. With the spec's numbers: about 1 s, 2 s, 4 s.
 */
export function rateLimitDelay(retry: number, retryAfterMs: number | null, random: () => number = Math.random): number {
  const { baseDelayMs, factor, jitter } = RETRY.rateLimit;
  const exp = baseDelayMs * factor ** (retry - 1);
  const jittered = exp * (1 - jitter + 2 * jitter * random());
  return Math.round(Math.max(jittered, retryAfterMs ?? 0));
}

/**
 * Decides whether to retry after `failuresSoFar` consecutive failures of this operation (the current one
 * included). A create is retried after a 5xx or timeout only when it carries an Idempotency-Key.
 */
export function decide(op: Operation, failure: Failure, failuresSoFar: number, opts: { idempotent: boolean; random?: () => number }): Decision {
  const retry = failuresSoFar;
  if (failure.status === 429) {
    const max = RETRY.rateLimit.maxRetries;
    if (retry > max) return { retry: false, reason: RETRY_MESSAGES.rateLimitGaveUp(max) };
    const delayMs = rateLimitDelay(retry, failure.retryAfterMs, opts.random);
    return { retry: true, delayMs, retryNumber: retry, maxRetries: max, reason: RETRY_MESSAGES.rateLimitWait(retry, max, delayMs, failure.retryAfterMs) };
  }
  if (isTransient(failure.status)) {
    if (op === "create" && !opts.idempotent) return { retry: false, reason: RETRY_MESSAGES.createNoKey };
    const max = op === "create" ? RETRY.createTransientMaxRetries : RETRY.transient.maxRetries;
    if (retry > max) return { retry: false, reason: RETRY_MESSAGES.transientGaveUp(max) };
    const delays = RETRY.transient.delaysMs;
    const delayMs = Math.max(delays[Math.min(retry, delays.length) - 1], failure.retryAfterMs ?? 0);
    const reason =
      op === "create"
        ? RETRY_MESSAGES.createRetryWithKey(failure.status, retry, max, delayMs)
        : RETRY_MESSAGES.transientWait(failure.status, retry, max, delayMs);
    return { retry: true, delayMs, retryNumber: retry, maxRetries: max, reason };
  }
  return { retry: false, reason: RETRY_MESSAGES.noRetry(failure.status) };
}

/** A sleep that ends early with an AbortError when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason ?? new DOMException("Aborted", "AbortError"));
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason ?? new DOMException("Aborted", "AbortError"));
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

export type RetryEvent =
  | { type: "attempt"; attempt: number }
  | { type: "wait"; delayMs: number; reason: string; startedAt: number; retryNumber: number; maxRetries: number }
  | { type: "gave-up"; reason: string; failures: number };


/**
 * Runs `call` and, when it fails with something `classify` recognises, retries as `decide` says, waiting
 * in between (abortable). Every attempt, wait and stop is reported through `onEvent`. Resolves with the
 * first success; rejects with RetryStopped when the policy stops, or the abort reason when aborted.
 */
export async function withRetries<T>(
  op: Operation,
  call: (attempt: number) => Promise<T>,
  opts: {
    classify: (err: unknown) => Failure | null;
    idempotent?: boolean;
    signal?: AbortSignal;
    onEvent?: (event: RetryEvent) => void;
    random?: () => number;
    now?: () => number;
  },
): Promise<T> {
  const now = opts.now ?? Date.now;
  for (let attempt = 1; ; attempt++) {
    opts.onEvent?.({ type: "attempt", attempt });
    try {
      return await call(attempt);
    } catch (err) {
      if (opts.signal?.aborted) throw err;
      const failure = opts.classify(err);
      if (!failure) throw err;
      const decision = decide(op, failure, attempt, { idempotent: !!opts.idempotent, random: opts.random });
      if (!decision.retry) {
        opts.onEvent?.({ type: "gave-up", reason: decision.reason, failures: attempt });
        throw new RetryStopped(err, decision.reason, attempt);
      }
      opts.onEvent?.({ type: "wait", delayMs: decision.delayMs, reason: decision.reason, startedAt: now(), retryNumber: decision.retryNumber, maxRetries: decision.maxRetries });
      await sleep(decision.delayMs, opts.signal);
    }
  }
}
