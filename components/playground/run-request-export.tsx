"use client";

import { CopyButton } from "@/components/ui/copy-button";
import { toCurl } from "@/lib/handoff/curl";
import { requestJson } from "@/lib/handoff/target";
import type { CreateTaskRequest } from "@/lib/spec/schema";
import { useExportTarget } from "./export-target";

/** Copies the request this run was made with (not the form as it is now), as JSON or as curl. */
export function RunRequestExport({ request }: { request: CreateTaskRequest }) {
  const target = useExportTarget();
  return (
    <div className="flex flex-wrap items-center gap-2 text-xs text-zinc-600 dark:text-zinc-400">
      <span>This run&apos;s request:</span>
      <CopyButton text={requestJson(request, target)} label="Copy this run's request as JSON" idle="JSON" />
      <CopyButton text={toCurl(request, target)} label="Copy this run's request as curl" idle="curl" />
    </div>
  );
}
