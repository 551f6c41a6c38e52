"use client";

import { useEffect } from "react";
import type { RunEngineProps } from "./run-engine";

/**
 * Shown in place of the task engine when its code could not be loaded (a network error, or a deploy that
 * replaced the chunk): says so instead of taking the whole page down, and drops a create that waited for it.
 */
export default function RunEngineUnavailable({ link, onCreating }: RunEngineProps) {
  useEffect(() => {
    link.queued.current = null;
    onCreating(false);
  }, [link, onCreating]);
  return (
    <p role="alert" className="mb-4 rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950/40 dark:text-red-100">
      The task engine could not be loaded, so tasks cannot be run or watched. Check the connection and reload the page.
    </p>
  );
}
