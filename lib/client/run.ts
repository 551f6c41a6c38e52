/**
 * The state of one run in the output panel: the request it was made with (none when an existing task id
 * is watched), every exchange and every wait of the retry policy in order, the latest task, and why
 * watching stopped. A pure reducer, so it is unit-tested without a browser.
 */

import { isTerminal } from "@/lib/polling";
import { RETRY_WORDS, type RetryWords } from "@/lib/spec/contract";
import type { CreateTaskRequest, Task } from "@/lib/spec/schema";
import type { Exchange, WaitEntry } from "./api";

export type RunError = {
  status: number;
  type: string;
  message: string;
  param?: string;
  request_id?: string;
  /** Where the guide explains it (the proxy's envelopes carry it; an upstream's own do not). */
  doc_url?: string;
  /** What to do about it, in English (the envelope's); the card says the same in the page's language. */
  hint?: string;
  /** What the retry policy decided, in words: "not retried…", "still failing after 3 retries…". */
  policy?: string;
  /** The same, to say in the page's language. */
  policyWords?: RetryWords;
};

export type Run = {
  /** The create request; absent when the user watches a task id (pasted, or after a reload). */
  request?: CreateTaskRequest;
  simulate?: string;
  idempotencyKey?: string;
  startedAt: number;
  /** When the current watch began (reset by "keep watching"). */
  watchStartedAt: number;
  exchanges: Exchange[];
  waits: WaitEntry[];
  /** What the retry policy did that a person should know (said in the page's language). */
  notes: RetryWords[];
  taskId?: string;
  task?: Task;
  error?: RunError;
  finishedAt?: number;
  /** Why watching stopped: the user's Stop, the time limit, or a new run started before this one ended. */
  stopped?: "user" | "time-limit" | "replaced";
};

export type RunAction =
  | { type: "start"; request: CreateTaskRequest; uploads: Exchange[]; now: number; idempotencyKey?: string; simulate?: string }
  | { type: "watch"; taskId: string; now: number }
  | { type: "exchange"; exchange: Exchange }
  | { type: "wait"; wait: WaitEntry }
  | { type: "note"; words: RetryWords }
  | { type: "task"; task: Task; now: number }
  /** The create's answer: the task, and a note when it took retries (the create's exchanges and waits are in the run). */
  | { type: "created"; task: Task; now: number }
  | { type: "error"; error: RunError; now: number }
  | { type: "stop"; reason: "user" | "time-limit" }
  | { type: "resume"; now: number };

const empty = { exchanges: [], waits: [], notes: [] };

export function runReducer(run: Run | null, action: RunAction): Run | null {
  if (action.type === "start") {
    const { request, now, idempotencyKey, simulate } = action;
    return { ...empty, request, idempotencyKey, simulate, startedAt: now, watchStartedAt: now, exchanges: [...action.uploads] };
  }
  if (action.type === "watch") return { ...empty, taskId: action.taskId, startedAt: action.now, watchStartedAt: action.now };
  if (!run) return run;
  switch (action.type) {
    case "exchange":
      if (run.exchanges.some((e) => e.id === action.exchange.id)) return run;
      return { ...run, exchanges: [...run.exchanges, action.exchange] };
    case "wait":
      if (run.waits.some((w) => w.id === action.wait.id)) return run;
      return { ...run, waits: [...run.waits, action.wait] };
    case "note":
      return run.notes.some((n) => JSON.stringify(n) === JSON.stringify(action.words))
        ? run
        : { ...run, notes: [...run.notes, action.words] };
    case "task":
      return withTask(run, action.task, action.now);
    case "created": {
      // Only the create of this run (a create the user moved on from answers nothing here).
      if (!run.request || run.taskId) return run;
      const next = withTask(run, action.task, action.now);
      // Retried (a wait before the answer), or answered with a task the upstream had already made for this key.
      const replayed = run.exchanges.at(-1)?.responseHeaders?.["x-idempotent-replayed"] === "true";
      if (!run.idempotencyKey || (!replayed && !run.waits.length)) return next;
      const note = (replayed ? RETRY_WORDS.replayed : RETRY_WORDS.retriedCreated)(run.idempotencyKey, action.task.task_id);
      return { ...next, notes: [...next.notes, note] };
    }
    case "error":
      return { ...run, error: action.error, finishedAt: run.taskId ? run.finishedAt : action.now };
    case "stop":
      return isTerminal(run.task?.status) ? run : { ...run, stopped: action.reason };
    case "resume":
      return { ...run, stopped: undefined, error: undefined, watchStartedAt: action.now };
  }
}

function withTask(run: Run, task: Task, now: number): Run {
  if (run.taskId && task.task_id !== run.taskId) return run;
  const done = isTerminal(task.status);
  return { ...run, taskId: task.task_id, task, error: undefined, finishedAt: done ? (run.finishedAt ?? now) : undefined };
}

/** A new Idempotency-Key for one run; every retry of the run's create reuses it. */
export function newIdempotencyKey(): string {
  return `idem_${crypto.randomUUID().replace(/-/g, "")}`;
}

/** True from the click on Run until the create is answered (or fails): the run button is busy. */
export function isCreating(run: Run | null): boolean {
  return !!run?.request && !run.taskId && !run.error;
}

/** True while the panel should keep polling this run. */
export function isWatching(run: Run | null): boolean {
  return !!run?.taskId && !run.stopped && !isTerminal(run.task?.status) && !run.error;
}
