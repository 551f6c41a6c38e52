"use client";

import { queryOptions, useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, type Dispatch } from "react";
import { POLLING } from "@/lib/spec/nano-banana-2";
import type { CreateTaskRequest, Task, Upload } from "@/lib/spec/schema";
import { nextPollDelay } from "@/lib/polling";
import { ApiClientError, callProxy, type Exchange } from "./api";
import { isWatching, type Run, type RunAction } from "./run";

export function toRunError(err: unknown) {
  if (err instanceof ApiClientError) return { status: err.status, ...err.envelope };
  return { status: 0, type: "client_error", message: err instanceof Error ? err.message : String(err) };
}

/** Whether a failed poll is worth another try: transient upstream trouble only, a few times. */
function shouldRetryPoll(failureCount: number, err: unknown): boolean {
  if (!(err instanceof ApiClientError)) return false;
  const transient = err.status === 0 || err.status === 429 || err.status >= 500;
  return transient && failureCount < 3;
}

/** The polling query of one task: key and fetcher together; every answer is recorded as an exchange. */
export function taskQueryOptions(taskId: string, dispatch: Dispatch<RunAction>) {
  return queryOptions({
    queryKey: ["task", taskId],
    queryFn: async ({ signal }) => {
      try {
        const { data, exchange } = await callProxy<Task>("Poll status", "GET", `/api/tasks/${encodeURIComponent(taskId)}`, undefined, signal);
        dispatch({ type: "exchange", exchange });
        dispatch({ type: "task", task: data, now: Date.now() });
        return data;
      } catch (err) {
        if (err instanceof ApiClientError) dispatch({ type: "exchange", exchange: err.exchange });
        throw err;
      }
    },
    retry: shouldRetryPoll,
    retryDelay: (attempt, err) => (err instanceof ApiClientError && err.retryAfterMs != null ? err.retryAfterMs : 1000 * 2 ** attempt),
    staleTime: Infinity,
    gcTime: 0,
  });
}

/**
 * Polls the run's task through TanStack Query: intervals grow (lib/polling), polling stops on a terminal
 * status, when the component unmounts, when the tab is hidden, on a lasting error and after the time limit.
 */
export function useTaskPolling(run: Run | null, dispatch: Dispatch<RunAction>) {
  const watching = isWatching(run);
  const taskId = run?.taskId ?? "";
  const polls = run?.exchanges.filter((e) => e.method === "GET").length ?? 0;
  const query = useQuery({
    ...taskQueryOptions(taskId, dispatch),
    enabled: watching,
    initialData: run?.task,
    refetchInterval: () => (run ? nextPollDelay(polls + 1, Date.now() - run.watchStartedAt, run.task?.status) : false),
  });

  useEffect(() => {
    if (query.error) dispatch({ type: "error", error: toRunError(query.error), now: Date.now() });
  }, [query.error, dispatch]);

  useEffect(() => {
    if (!watching || !run) return;
    const left = POLLING.timeLimitMs - (Date.now() - run.watchStartedAt);
    const timer = setTimeout(() => dispatch({ type: "stop", reason: "time-limit" }), Math.max(0, left));
    return () => clearTimeout(timer);
  }, [watching, run, dispatch]);
}

/** Creating a task: one POST, recorded as an exchange, never retried automatically. */
export function useCreateTask(dispatch: Dispatch<RunAction>) {
  return useMutation({
    mutationFn: async (request: CreateTaskRequest) => {
      try {
        const { data, exchange } = await callProxy<Task>("Create task", "POST", "/api/tasks", { json: request });
        dispatch({ type: "exchange", exchange });
        return data;
      } catch (err) {
        if (err instanceof ApiClientError) dispatch({ type: "exchange", exchange: err.exchange });
        throw err;
      }
    },
    retry: false,
    onSuccess: (task) => dispatch({ type: "task", task, now: Date.now() }),
    onError: (err) => dispatch({ type: "error", error: toRunError(err), now: Date.now() }),
  });
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
