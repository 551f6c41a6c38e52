"use client";

import { useTranslations } from "next-intl";
import { CopyButton } from "@/components/ui/copy-button";
import { toCurl } from "@/lib/handoff/curl";
import { requestJson } from "@/lib/handoff/target";
import type { CreateTaskRequest } from "@/lib/spec/schema";
import { useExportTarget } from "./export-target";

/** Copies the request this run was made with (not the form as it is now), as JSON or as curl. */
export function RunRequestExport({ request }: { request: CreateTaskRequest }) {
  const target = useExportTarget();
  const t = useTranslations("playground.runView");
  return (
    <div className="flex flex-wrap items-center gap-2 text-xs text-zinc-600 dark:text-zinc-400">
      <span>{t("request")}</span>
      <CopyButton text={requestJson(request, target)} label={t("copyJson")} idle="JSON" />
      <CopyButton text={toCurl(request, target)} label={t("copyCurl")} idle="curl" />
    </div>
  );
}
