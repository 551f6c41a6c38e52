"use client";

import { focusManager, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore, type Dispatch } from "react";
import { POLLING } from "@/lib/spec/contract";
import type { CreateTaskRequest } from "@/lib/spec/schema";
import type { Exchange } from "./api";
import { toRunError } from "./errors";
import { isWatching, type Run, type RunAction } from "./run";
import { createTaskMutation, newIdempotencyKey, taskKey, taskQuery, type TaskEvents } from "./task-queries";

const isAbort = (err: unknown) => err instanceof DOMException && err.name === "AbortError";

/** Whether the page is hidden, as TanStack Query sees it (it refetches when the page shows again). */
function usePageHidden(): boolean {
  return useSyncExternalStore(
    (onChange) => focusManager.subscribe(onChange),
    () => !focusManager.isFocused(),
    () => false,
  );
}

/**
 * The run's create and watch. The create is a mutation (./task-queries.ts: the policy's retries under one
 * Idempotency-Key); its task seeds the task's query, which polls while the run is watched and stops on a
 * terminal status, "Stop watching", an error, or the watch time limit. Everything either of them sends and
 * waits for lands in the run through `dispatch`.
 */
export function useTaskRun(
  run: Run | null,
  dispatch: Dispatch<RunAction>,
  { idempotent, onCreateError }: { idempotent: boolean; onCreateError: (err: unknown) => void },
) {
  const client = useQueryClient();
  const events = useMemo<TaskEvents>(
    () => ({ onExchange: (exchange) => dispatch({ type: "exchange", exchange }), onWait: (wait) => dispatch({ type: "wait", wait }) }),
    [dispatch],
  );

  const create = useMutation({
    ...createTaskMutation(events, { idempotent }),
    onSuccess: (task) => {
      client.setQueryData(taskKey(task.task_id), task);
      dispatch({ type: "created", task, now: Date.now() });
    },
  });
  const { mutate, reset } = create;
  /** Aborts the current create (and its retries) when the user moves on to watch a task instead. */
  const createAbort = useRef<AbortController | null>(null);
  const start = useCallback(
    (request: CreateTaskRequest, uploads: Exchange[], simulate?: string) => {
      const abort = new AbortController();
      createAbort.current = abort;
      const idempotencyKey = newIdempotencyKey();
      dispatch({ type: "start", request, uploads, now: Date.now(), idempotencyKey, simulate });
      mutate({ request, idempotencyKey, simulate, signal: abort.signal });
    },
    [dispatch, mutate],
  );
  const watch = useCallback(
    (taskId: string) => {
      createAbort.current?.abort();
      reset();
      dispatch({ type: "watch", taskId, now: Date.now() });
    },
    [dispatch, reset],
  );
  // Once per failed create (per error, hence the one dependency), with what the policy decided after its failures.
  useEffect(() => {
    // An abort is the user moving on to watch another task: nothing to report.
    if (!create.error || isAbort(create.error)) return;
    dispatch({ type: "error", error: toRunError(create.error, { op: "create", failures: create.failureCount, idempotent }), now: Date.now() });
    onCreateError(create.error);
  }, [create.error]);

  const taskId = run?.taskId ?? "";
  const watching = isWatching(run);
  const hidden = usePageHidden();
  const query = useQuery({ ...taskQuery(taskId, events, { hidden }), enabled: watching });
  // Every answer lands in the run; a new watch of a task already in the cache starts from its cached answer.
  const runStartedAt = run?.startedAt;
  useEffect(() => {
    if (query.data) dispatch({ type: "task", task: query.data, now: Date.now() });
  }, [query.data, runStartedAt, dispatch]);
  // Once per failed watch (per error), as for the create.
  useEffect(() => {
    if (query.error) dispatch({ type: "error", error: toRunError(query.error, { op: "poll", failures: query.failureCount }), now: Date.now() });
  }, [query.error]);
  // "Stop watching" ends a poll in flight (or a retry's wait) too, not only the polls after it.
  useEffect(() => {
    if (!watching && taskId) void client.cancelQueries({ queryKey: taskKey(taskId) });
  }, [watching, taskId, client]);
  const watchStartedAt = run?.watchStartedAt ?? 0;
  useEffect(() => {
    if (!watching) return;
    const timer = setTimeout(() => dispatch({ type: "stop", reason: "time-limit" }), watchStartedAt + POLLING.timeLimitMs - Date.now());
    return () => clearTimeout(timer);
  }, [watching, watchStartedAt, dispatch]);

  return { start, watch, creating: create.isPending };
}
