"use client";

import { useCallback, useEffect, useRef, type Dispatch } from "react";
import type { CreateTaskRequest, Upload } from "@/lib/spec/schema";
import { callProxy, type Exchange } from "./api";
import { toRunError } from "./errors";
import { isWatching, type Run, type RunAction } from "./run";
import { broadcastTask, useTaskBroadcasts, useTaskLeadership } from "./tab-leader";
import { createTaskFlow, newIdempotencyKey, watchTask, type FlowEvent, type Visibility } from "./task-flow";

function toAction(event: FlowEvent): RunAction {
  switch (event.type) {
    case "exchange":
      return { type: "exchange", exchange: event.exchange };
    case "wait":
      return { type: "wait", wait: event.wait };
    case "note":
      return { type: "note", text: event.text };
    case "task":
      return { type: "task", task: event.task, now: Date.now() };
  }
}

const pageVisibility: Visibility = {
  hidden: () => document.visibilityState === "hidden",
  subscribe: (onChange) => {
    document.addEventListener("visibilitychange", onChange);
    return () => document.removeEventListener("visibilitychange", onChange);
  },
};

const isAbort = (err: unknown) => err instanceof DOMException && err.name === "AbortError";

/**
 * Watches the run's task while it should be watched: this tab polls only when it holds the task's lock
 * (one poller per task); otherwise it shows what the polling tab broadcasts. Returns whether this tab
 * is only following another tab.
 */
export function useTaskWatch(run: Run | null, dispatch: Dispatch<RunAction>): { follower: boolean } {
  const watching = isWatching(run);
  const taskId = run?.taskId;
  const leader = useTaskLeadership(taskId, watching);
  const hasTask = useRef(false);
  hasTask.current = !!run?.task;
  const watchStartedAt = run?.watchStartedAt;

  useEffect(() => {
    if (!watching || !leader || !taskId) return;
    const abort = new AbortController();
    watchTask(taskId, {
      signal: abort.signal,
      pollFirst: !hasTask.current,
      visibility: pageVisibility,
      onEvent: (event) => {
        dispatch(toAction(event));
        if (event.type === "task") broadcastTask(event.task);
      },
    }).then(
      (end) => {
        if (end === "time-limit") dispatch({ type: "stop", reason: "time-limit" });
      },
      (err) => {
        if (!isAbort(err) && !abort.signal.aborted) dispatch({ type: "error", error: toRunError(err), now: Date.now() });
      },
    );
    return () => abort.abort();
  }, [watching, leader, taskId, watchStartedAt, dispatch]);

  const onBroadcast = useCallback((task: Parameters<typeof broadcastTask>[0]) => dispatch({ type: "task", task, now: Date.now() }), [dispatch]);
  useTaskBroadcasts(taskId, watching && !leader, onBroadcast);
  return { follower: watching && !leader };
}

/**
 * Creates a task for a new run: a fresh Idempotency-Key per run (its retries reuse it), the policy's
 * retries and waits recorded in the run. Resolves when the create is over; rejects with what stopped it.
 */
export { apiErrorOf } from "./errors";

export async function startRun(
  request: CreateTaskRequest,
  uploads: Exchange[],
  dispatch: Dispatch<RunAction>,
  opts: { simulate?: string; signal?: AbortSignal },
): Promise<void> {
  const idempotencyKey = newIdempotencyKey();
  dispatch({ type: "start", request, uploads, now: Date.now(), idempotencyKey, simulate: opts.simulate });
  try {
    await createTaskFlow(request, { idempotencyKey, simulate: opts.simulate, signal: opts.signal, onEvent: (e) => dispatch(toAction(e)) });
  } catch (err) {
    if (isAbort(err)) return;
    dispatch({ type: "error", error: toRunError(err), now: Date.now() });
    throw err;
  }
}

/** Uploads one file through the proxy; the exchange is returned so the run can show it. */
export async function uploadFile(file: File): Promise<{ upload: Upload; exchange: Exchange }> {
  const form = new FormData();
  form.set("file", file);
  const { data, exchange } = await callProxy<Upload>("Upload media", "POST", "/api/uploads", {
    form,
    describe: { file: `(binary) ${file.name}, ${file.type || "unknown type"}, ${file.size} bytes` },
  });
  return { upload: data, exchange };
}
