/**
 * The client policy of the guide's error table, implemented once: what to do after a failed create or
 * poll. Pure (randomness is injected), so every branch is unit-tested; the browser and the bench script
 * run it as TanStack Query's retry options (`retryOptions`), the exported code follows the same numbers.
 */
import { englishRetry, RETRY, RETRY_WORDS, type RetryWords } from "@/lib/spec/contract";

export type Operation = "create" | "poll";

/** What failed: HTTP status (0 = no answer at all), error type, and Retry-After in ms when sent. */
export type Failure = { status: number; type: string; retryAfterMs: number | null };

/** `reason` is the decision in English; `words`, the same to say in the page's language. */
export type Decision =
  | { retry: true; delayMs: number; reason: string; words: RetryWords; retryNumber: number; maxRetries: number }
  | { retry: false; reason: string; words: RetryWords };

const stop = (words: RetryWords): Decision => ({ retry: false, reason: englishRetry(words), words });

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
export function decide(
  op: Operation,
  failure: Failure,
  failuresSoFar: number,
  opts: { idempotent: boolean; random?: () => number },
): Decision {
  const retry = failuresSoFar;
  if (failure.status === 429) {
    const max = RETRY.rateLimit.maxRetries;
    if (retry > max) return stop(RETRY_WORDS.rateLimitGaveUp(max));
    const delayMs = rateLimitDelay(retry, failure.retryAfterMs, opts.random);
    const words = RETRY_WORDS.rateLimitWait(retry, max, delayMs, failure.retryAfterMs);
    return { retry: true, delayMs, retryNumber: retry, maxRetries: max, reason: englishRetry(words), words };
  }
  if (isTransient(failure.status)) {
    if (op === "create" && !opts.idempotent) return stop(RETRY_WORDS.createNoKey);
    const max = op === "create" ? RETRY.createTransientMaxRetries : RETRY.transient.maxRetries;
    if (retry > max) return stop(RETRY_WORDS.transientGaveUp(max));
    const delays = RETRY.transient.delaysMs;
    const delayMs = Math.max(delays[Math.min(retry, delays.length) - 1], failure.retryAfterMs ?? 0);
    const words =
      op === "create"
        ? RETRY_WORDS.createRetryWithKey(failure.status, retry, max, delayMs)
        : RETRY_WORDS.transientWait(failure.status, retry, max, delayMs);
    return { retry: true, delayMs, retryNumber: retry, maxRetries: max, reason: englishRetry(words), words };
  }
  return stop(RETRY_WORDS.noRetry(failure.status));
}

/** A wait the policy chose before retry `retryNumber`, as the timeline shows it. */
export type RetryWait = Extract<Decision, { retry: true }>;

/**
 * The policy as TanStack Query's `retry` and `retryDelay` options, for a query (`"poll"`) or a mutation
 * (`"create"`). TanStack calls both after each failure with the number of failures before it; `classify`
 * says what failed (null: not an answer of the proxy, never retried); `onWait` hears each wait the policy
 * chooses, when it chooses it.
 */
export function retryOptions(
  op: Operation,
  opts: { classify: (err: unknown) => Failure | null; idempotent?: boolean; onWait?: (wait: RetryWait) => void; random?: () => number },
) {
  const decision = (failuresBefore: number, err: unknown): Decision | null => {
    const failure = opts.classify(err);
    return failure && decide(op, failure, failuresBefore + 1, { idempotent: !!opts.idempotent, random: opts.random });
  };
  return {
    retry: (failuresBefore: number, err: unknown) => decision(failuresBefore, err)?.retry ?? false,
    retryDelay: (failuresBefore: number, err: unknown) => {
      const d = decision(failuresBefore, err);
      if (!d?.retry) return 0;
      opts.onWait?.(d);
      return d.delayMs;
    },
  };
}
