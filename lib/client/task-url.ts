"use client";

import { type Dispatch, useEffect, useRef } from "react";
import { TASK_ID_PATTERN } from "@/lib/spec/form-state";
import type { RunAction } from "./run";

const PARAM = "task";

/**
 * Keeps the current task id in the page's URL (`?task=…`), so a reload or a copied link resumes watching
 * it. Only the id: nothing secret is ever stored. On load, a valid id in the URL starts watching it.
 */
export function useTaskIdInUrl(taskId: string | undefined, dispatch: Dispatch<RunAction>): void {
  const loaded = useRef(false);
  useEffect(() => {
    if (loaded.current) return;
    loaded.current = true;
    const fromUrl = new URL(window.location.href).searchParams.get(PARAM);
    if (fromUrl && TASK_ID_PATTERN.test(fromUrl)) dispatch({ type: "watch", taskId: fromUrl, now: Date.now() });
  }, [dispatch]);

  useEffect(() => {
    if (!loaded.current) return;
    const url = new URL(window.location.href);
    if ((url.searchParams.get(PARAM) ?? undefined) === taskId) return;
    if (taskId) url.searchParams.set(PARAM, taskId);
    else url.searchParams.delete(PARAM);
    window.history.replaceState(window.history.state, "", url);
  }, [taskId]);
}
