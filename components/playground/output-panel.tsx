"use client";

import type { Dispatch } from "react";
import { modeLabel } from "@/lib/spec/nano-banana-2";
import { isWatching, type Run, type RunAction } from "@/lib/client/run";
import { ErrorCard } from "./error-card";
import { ExchangeList } from "./exchange-list";
import { TaskStatusBar } from "./task-status-bar";
import { VideoResult } from "./video-result";
import { RunRequestExport } from "./run-request-export";

/** The output panel: the task's status as it moves, the rendered video and every raw exchange. */
export function OutputPanel({ run, dispatch }: { run: Run | null; dispatch: Dispatch<RunAction> }) {
  return (
    <section aria-labelledby="output-heading" className="min-w-0 rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
      <h2 id="output-heading" className="mb-3 text-lg font-semibold">
        Output
      </h2>
      {!run ? (
        <p className="rounded-lg bg-zinc-50 p-6 text-sm text-zinc-600 dark:bg-zinc-900 dark:text-zinc-400">
          Run a task to see the raw request, every response as it moves from queued to succeeded, and the rendered video.
        </p>
      ) : (
        <div className="space-y-4">
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            {modeLabel(run.request.mode)}
            {run.taskId && (
              <>
                {" · "}
                <span className="font-mono">{run.taskId}</span>
              </>
            )}
          </p>
          <RunRequestExport request={run.request} />
          <TaskStatusBar run={run} />
          {isWatching(run) && (
            <button
              type="button"
              onClick={() => dispatch({ type: "stop", reason: "user" })}
              className="rounded-md border border-zinc-300 px-3 py-1 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
            >
              Stop watching
            </button>
          )}
          {run.stopped && (
            <div role="status" className="rounded-lg border border-zinc-200 bg-zinc-50 p-3 text-sm dark:border-zinc-800 dark:bg-zinc-900">
              {run.stopped === "time-limit"
                ? "The task is still running upstream after the playground's watch limit."
                : "You stopped watching. The task goes on upstream: there is no cancel endpoint."}{" "}
              <button type="button" onClick={() => dispatch({ type: "resume", now: Date.now() })} className="font-medium text-amber-700 underline dark:text-amber-400">
                Keep watching
              </button>
            </div>
          )}
          {run.error && <ErrorCard error={run.error} />}
          {run.task?.status === "failed" && run.task.error && (
            <ErrorCard error={{ status: 200, type: run.task.error.type, message: run.task.error.message }} taskFailed />
          )}
          {run.task?.status === "succeeded" && run.task.output && <VideoResult output={run.task.output} />}
          <ExchangeList exchanges={run.exchanges} />
        </div>
      )}
    </section>
  );
}
