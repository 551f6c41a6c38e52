"use client";

import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { isCreating, isWatching } from "@/lib/client/run";
import type { RunEngineProps } from "./run-engine";

/**
 * Shown in place of the task engine when its code could not be loaded (a network error, or a deploy that
 * replaced the chunk): says so instead of taking the whole page down, and ends a run that waited for it.
 */
export default function RunEngineUnavailable({ run, dispatch }: RunEngineProps) {
  const message = useTranslations("playground.unavailable")("engine");
  const stuck = isCreating(run) || isWatching(run);
  useEffect(() => {
    if (stuck) dispatch({ type: "error", error: { status: 0, type: "client_error", message }, now: Date.now() });
  }, [stuck, dispatch, message]);
  return (
    <p
      role="alert"
      className="mb-4 rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950/40 dark:text-red-100"
    >
      {message}
    </p>
  );
}
