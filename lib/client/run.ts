/**
 * The state of one run in the output panel: the request it was made with, every exchange in order,
 * the latest task and why watching stopped. A pure reducer, so it is unit-tested without a browser.
 */
import type { CreateTaskRequest, Task } from "@/lib/spec/schema";
import { isTerminal } from "@/lib/polling";
import type { Exchange } from "./api";

export type RunError = { status: number; type: string; message: string; param?: string; request_id?: string };

export type Run = {
  request: CreateTaskRequest;
  startedAt: number;
  /** When the current watch began (reset by "keep watching"), for the time limit. */
  watchStartedAt: number;
  exchanges: Exchange[];
  taskId?: string;
  task?: Task;
  error?: RunError;
  finishedAt?: number;
  stopped?: "user" | "time-limit";
};

export type RunAction =
  | { type: "start"; request: CreateTaskRequest; uploads: Exchange[]; now: number }
  | { type: "exchange"; exchange: Exchange }
  | { type: "task"; task: Task; now: number }
  | { type: "error"; error: RunError; now: number }
  | { type: "stop"; reason: "user" | "time-limit" }
  | { type: "resume"; now: number };

export function runReducer(run: Run | null, action: RunAction): Run | null {
  if (action.type === "start") {
    return { request: action.request, startedAt: action.now, watchStartedAt: action.now, exchanges: [...action.uploads] };
  }
  if (!run) return run;
  switch (action.type) {
    case "exchange":
      if (run.exchanges.some((e) => e.id === action.exchange.id)) return run;
      return { ...run, exchanges: [...run.exchanges, action.exchange] };
    case "task": {
      const done = isTerminal(action.task.status);
      return { ...run, taskId: action.task.task_id, task: action.task, error: undefined, finishedAt: done ? (run.finishedAt ?? action.now) : undefined };
    }
    case "error":
      return { ...run, error: action.error, finishedAt: run.taskId ? run.finishedAt : action.now };
    case "stop":
      return isTerminal(run.task?.status) ? run : { ...run, stopped: action.reason };
    case "resume":
      return { ...run, stopped: undefined, error: undefined, watchStartedAt: action.now };
  }
}

/** True while the panel should keep polling this run. */
export function isWatching(run: Run | null): boolean {
  return !!run?.taskId && !run.stopped && !isTerminal(run.task?.status) && !run.error;
}
