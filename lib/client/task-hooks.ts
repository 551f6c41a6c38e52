"use client";

import type { Dispatch } from "react";
import type { CreateTaskRequest } from "@/lib/spec/schema";
import type { Exchange } from "./api";
import { toRunError } from "./errors";
import type { RunAction } from "./run";
import type { FlowEvent, Visibility } from "./task-flow";

/** The create and watch loops (with the retry policy) load with the first run or watch, not with the page. */
export const taskFlow = () => import("./task-flow");

export function toAction(event: FlowEvent): RunAction {
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

export const pageVisibility: Visibility = {
  hidden: () => document.visibilityState === "hidden",
  subscribe: (onChange) => {
    document.addEventListener("visibilitychange", onChange);
    return () => document.removeEventListener("visibilitychange", onChange);
  },
};

export const isAbort = (err: unknown) => err instanceof DOMException && err.name === "AbortError";

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
  // Aborted while its code loaded (the user switched to watching a task): no run starts.
  if (opts.signal?.aborted) return;
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
