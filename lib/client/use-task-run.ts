"use client";

import { focusManager, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type Dispatch, useEffect, useMemo, useRef, useSyncExternalStore } from "react";
import { POLLING } from "@/lib/spec/contract";
import { toRunError } from "./errors";
import { isCreating, isWatching, type Run, type RunAction } from "./run";
import { createTaskMutation, type TaskEvents, taskKey, taskQuery } from "./task-queries";

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
 * Carries out what the run asks for, through TanStack Query: a run that is creating (started by the Run
 * button, ./run.ts) gets its create sent once, as a mutation with the policy's retries under the run's
 * Idempotency-Key (./task-queries.ts); the created task seeds the task's query, which polls while the run
 * is watched and stops on a terminal status, "Stop watching", an error or the watch time limit. A run
 * replaced before its create is answered (the user watches another task) abandons it. Everything sent
 * and waited for lands in the run through `dispatch`.
 */
export function useTaskRun(
  run: Run | null,
  dispatch: Dispatch<RunAction>,
  { idempotent, onCreateError }: { idempotent: boolean; onCreateError: (err: unknown) => void },
): void {
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
  const sent = useRef<{ key: string; abort: AbortController } | null>(null);
  const pendingKey = isCreating(run) ? run!.idempotencyKey : undefined;
  // biome-ignore lint/correctness/useExhaustiveDependencies: pendingKey is the trigger: one create per run, whatever else of the run changes
  useEffect(() => {
    // The previous create, if still out, belongs to a run that is gone.
    if (sent.current && sent.current.key !== pendingKey) {
      sent.current.abort.abort();
      sent.current = null;
      reset();
    }
    if (!pendingKey || !run?.request || sent.current) return;
    sent.current = { key: pendingKey, abort: new AbortController() };
    mutate({ request: run.request, idempotencyKey: pendingKey, simulate: run.simulate, signal: sent.current.abort.signal });
  }, [pendingKey]); // once per run's create, whatever else of the run changes
  // Once per failed create (per error), with what the policy decided after its failures.
  // biome-ignore lint/correctness/useExhaustiveDependencies: create.error is the trigger: reported once per failed create
  useEffect(() => {
    // An abort is the user moving on to watch another task: nothing to report.
    if (!create.error || isAbort(create.error)) return;
    dispatch({
      type: "error",
      error: toRunError(create.error, { op: "create", failures: create.failureCount, idempotent }),
      now: Date.now(),
    });
    onCreateError(create.error);
  }, [create.error]);

  const taskId = run?.taskId ?? "";
  const watching = isWatching(run);
  const hidden = usePageHidden();
  const query = useQuery({ ...taskQuery(taskId, events, { hidden }), enabled: watching });
  // Every answer lands in the run; a new watch of a task already in the cache starts from its cached answer.
  const runStartedAt = run?.startedAt;
  // biome-ignore lint/correctness/useExhaustiveDependencies: runStartedAt is a trigger too: a new run re-reads a task already in the cache
  useEffect(() => {
    if (query.data) dispatch({ type: "task", task: query.data, now: Date.now() });
  }, [query.data, runStartedAt, dispatch]);
  // Once per failed watch (per error), as for the create.
  // biome-ignore lint/correctness/useExhaustiveDependencies: query.error is the trigger: reported once per failed watch
  useEffect(() => {
    if (query.error)
      dispatch({ type: "error", error: toRunError(query.error, { op: "poll", failures: query.failureCount }), now: Date.now() });
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
}
