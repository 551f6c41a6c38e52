/**
 * A correct client of the task API, without React: create a task (retried by the policy, always with the
 * run's Idempotency-Key) and watch it (growing intervals, slow in a hidden tab, retries by the policy,
 * a time limit). The playground, the bench script and the unit tests all run this code.
 */
import { POLLING, RETRY_MESSAGES } from "@/lib/spec/contract";
import type { CreateTaskRequest, Task } from "@/lib/spec/schema";
import { isTerminal, nextPollDelay } from "@/lib/polling";
import { RetryStopped, sleep, withRetries, type Failure, type RetryEvent } from "@/lib/retry-policy";
import { ApiClientError, callProxy, type Exchange, type WaitEntry } from "./api";

export type FlowEvent =
  | { type: "exchange"; exchange: Exchange }
  | { type: "wait"; wait: WaitEntry }
  | { type: "task"; task: Task }
  | { type: "note"; text: string };

type Common = {
  signal?: AbortSignal;
  onEvent: (event: FlowEvent) => void;
  /** Prefix of the proxy's URLs: "" in the browser, an origin in scripts. */
  base?: string;
  random?: () => number;
  now?: () => number;
};

/** The policy's view of an error from the proxy; anything else is not retried. */
export function classify(err: unknown): Failure | null {
  if (err instanceof ApiClientError) return { status: err.status, type: err.envelope.type, retryAfterMs: err.retryAfterMs };
  return null;
}

let waitCounter = 0;
function waitEvents(onEvent: Common["onEvent"]) {
  return (event: RetryEvent) => {
    if (event.type === "wait") {
      onEvent({ type: "wait", wait: { id: `wait${++waitCounter}`, startedAt: event.startedAt, delayMs: event.delayMs, reason: event.reason } });
    }
  };
}

/** A new Idempotency-Key for one run; every retry of the run's create reuses it. */
export function newIdempotencyKey(): string {
  return `idem_${crypto.randomUUID().replace(/-/g, "")}`;
}

/**
 * Creates a task through the proxy with the run's Idempotency-Key, following the retry policy. Resolves
 * with the task; rejects with RetryStopped (the last ApiClientError in `cause`) when the policy stops.
 */
export async function createTaskFlow(
  request: CreateTaskRequest,
  opts: Common & {
    idempotencyKey: string;
    simulate?: string;
    /** False when the upstream honours no Idempotency-Key (the generation.task gateway): a create is then never retried after a 5xx. */
    idempotent?: boolean;
  },
): Promise<Task> {
  const headers: Record<string, string> = { "idempotency-key": opts.idempotencyKey };
  if (opts.simulate && opts.simulate !== "none") headers["x-simulate"] = opts.simulate;
  let last: Exchange | undefined;
  const task = await withRetries(
    "create",
    async (attempt) => {
      const label = attempt === 1 ? "Create task" : `Create task (retry ${attempt - 1}, same Idempotency-Key)`;
      try {
        const { data, exchange } = await callProxy<Task>(label, "POST", `${opts.base ?? ""}/api/tasks`, { body: { json: request }, signal: opts.signal, headers });
        last = exchange;
        opts.onEvent({ type: "exchange", exchange });
        return data;
      } catch (err) {
        if (err instanceof ApiClientError) opts.onEvent({ type: "exchange", exchange: err.exchange });
        throw err;
      }
    },
    { classify, idempotent: opts.idempotent ?? true, signal: opts.signal, onEvent: waitEvents(opts.onEvent), random: opts.random, now: opts.now },
  );
  if (last && last.label !== "Create task") {
    const replayed = last.responseHeaders?.["x-idempotent-replayed"] === "true";
    opts.onEvent({
      type: "note",
      text: replayed ? RETRY_MESSAGES.replayed(opts.idempotencyKey, task.task_id) : RETRY_MESSAGES.retriedCreated(opts.idempotencyKey, task.task_id),
    });
  }
  opts.onEvent({ type: "task", task });
  return task;
}

/** Whether the page is hidden, and a way to hear when that changes (the browser's visibility API). */
export type Visibility = { hidden: () => boolean; subscribe: (onChange: () => void) => () => void };

/** Sleeps `ms`, or less when `wake` fires first; rejects when `signal` aborts. */
async function sleepOrWake(ms: number, signal: AbortSignal | undefined, visibility: Visibility | undefined): Promise<void> {
  if (!visibility) return sleep(ms, signal);
  const early = new AbortController();
  const unsubscribe = visibility.subscribe(() => early.abort());
  const both = signal ? AbortSignal.any([signal, early.signal]) : early.signal;
  try {
    await sleep(ms, both);
  } catch (err) {
    if (signal?.aborted) throw err;
  } finally {
    unsubscribe();
  }
}

/**
 * Polls a task until it is terminal, the watch time limit passes (`"time-limit"`), or `signal` aborts.
 * Intervals follow lib/polling (growing; one look per hidden interval while the tab is hidden, with a look
 * as soon as it shows again if one is due). Failed polls follow the retry policy; when it stops, rejects
 * with RetryStopped.
 */
export async function watchTask(
  taskId: string,
  opts: Common & { pollFirst?: boolean; visibility?: Visibility; timeLimitMs?: number },
): Promise<"terminal" | "time-limit"> {
  const now = opts.now ?? Date.now;
  const limit = opts.timeLimitMs ?? POLLING.timeLimitMs;
  const started = now();
  let polls = 0;
  let lastPollAt = opts.pollFirst ? -Infinity : started;
  let status: Task["status"] | undefined;
  for (;;) {
    const elapsed = now() - started;
    if (elapsed >= limit) return "time-limit";
    const delay = nextPollDelay(polls + 1, 0, status, opts.visibility?.hidden() ?? false);
    if (delay === false) return "terminal";
    const due = lastPollAt + delay;
    if (now() < due) {
      await sleepOrWake(Math.min(due - now(), limit - elapsed), opts.signal, opts.visibility);
      continue;
    }
    polls++;
    lastPollAt = now();
    const task = await withRetries(
      "poll",
      async (attempt) => {
        const label = attempt === 1 ? "Poll status" : `Poll status (retry ${attempt - 1})`;
        try {
          const { data, exchange } = await callProxy<Task>(label, "GET", `${opts.base ?? ""}/api/tasks/${encodeURIComponent(taskId)}`, { signal: opts.signal });
          opts.onEvent({ type: "exchange", exchange });
          return data;
        } catch (err) {
          if (err instanceof ApiClientError) opts.onEvent({ type: "exchange", exchange: err.exchange });
          throw err;
        }
      },
      { classify, signal: opts.signal, onEvent: waitEvents(opts.onEvent), random: opts.random, now },
    );
    lastPollAt = now();
    status = task.status;
    opts.onEvent({ type: "task", task });
    if (isTerminal(status)) return "terminal";
  }
}

export { RetryStopped };
