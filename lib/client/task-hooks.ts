"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, type Dispatch } from "react";
import type { CreateTaskRequest } from "@/lib/spec/schema";
import type { Exchange } from "./api";
import { toRunError } from "./errors";
import { isWatching, type Run, type RunAction } from "./run";
import { broadcastTask, useTaskBroadcasts, useTaskLeadership } from "./tab-leader";
import type { FlowEvent, Visibility } from "./task-flow";

/** The create and watch loops (with the retry policy) load with the first run or watch, not with the page. */
const taskFlow = () => import("./task-flow");

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
  const queryClient = useQueryClient();
  const queryKey = ["task-watch", taskId, run?.watchStartedAt] as const;
  const active = watching && leader && !!taskId;

  // TanStack Query owns the watch's lifecycle: one watch per task and window, aborted through its signal
  // when the page leaves or the key changes. The loop inside is lib's watchTask (the same code the bench runs).
  const query = useQuery({
    queryKey,
    enabled: active,
    queryFn: async ({ signal }) =>
      (await taskFlow()).watchTask(taskId!, {
        signal,
        pollFirst: !hasTask.current,
        visibility: pageVisibility,
        onEvent: (event) => {
          dispatch(toAction(event));
          if (event.type === "task") broadcastTask(event.task);
        },
      }),
    retry: false,
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });

  // "Stop watching" (or losing the lock) ends the loop now, not at its next poll.
  useEffect(() => {
    if (!active) void queryClient.cancelQueries({ queryKey: ["task-watch", taskId] });
  }, [active, queryClient, taskId]);

  useEffect(() => {
    if (query.data === "time-limit") dispatch({ type: "stop", reason: "time-limit" });
  }, [query.data, dispatch]);

  useEffect(() => {
    if (query.error && !isAbort(query.error)) dispatch({ type: "error", error: toRunError(query.error), now: Date.now() });
  }, [query.error, dispatch]);

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
  opts: { simulate?: string; signal?: AbortSignal; idempotent?: boolean },
): Promise<void> {
  const { createTaskFlow, newIdempotencyKey } = await taskFlow();
  const idempotencyKey = newIdempotencyKey();
  dispatch({ type: "start", request, uploads, now: Date.now(), idempotencyKey, simulate: opts.simulate });
  try {
    await createTaskFlow(request, { idempotencyKey, idempotent: opts.idempotent, simulate: opts.simulate, signal: opts.signal, onEvent: (e) => dispatch(toAction(e)) });
  } catch (err) {
    if (isAbort(err)) return;
    dispatch({ type: "error", error: toRunError(err), now: Date.now() });
    throw err;
  }
}
