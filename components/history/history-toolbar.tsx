"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { useSay } from "@/components/i18n/use-say";
import { exportHistory, importHistory } from "@/lib/history/io";
import { clearRuns, dropAllClips } from "@/lib/history/store";
import { historyFileName } from "@/lib/history/transfer";
import { useClipUsage } from "@/lib/history/use-history-runs";
import { ClearHistoryDialog } from "./clear-history-dialog";
import { download, formatBytes } from "./format";
import { importProblemText } from "./import-problem";
import { buttonClass } from "./styles";

/** What the panel says; a status may offer to undo what it reports. */
export type Say = (message: { kind: "status" | "alert"; text: string; undo?: () => Promise<boolean> }) => void;

/** The history as a whole: the space kept clips use (and freeing it), export, import, clear all. */
export function HistoryToolbar({ count, say }: { count: number; say: Say }) {
  const t = useTranslations("history");
  const locale = useLocale();
  const validationWords = useSay();
  const usage = useClipUsage().data ?? 0;
  const [withClips, setWithClips] = useState(false);
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const onExport = async () => {
    setBusy(true);
    try {
      const { text, runs, clips } = await exportHistory({ withClips });
      download(text, historyFileName());
      say({ kind: "status", text: t("export.done", { runs, clips }) });
    } catch (err) {
      say({ kind: "alert", text: t("export.failed", { detail: String(err) }) });
    } finally {
      setBusy(false);
    }
  };

  const onImport = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    try {
      const result = await importHistory(file, validationWords);
      if (result.ok) say({ kind: "status", text: t("import.done", { added: result.added.length, skipped: result.skipped.length }) });
      else
        say({
          kind: "alert",
          text: `${t("import.refused", { name: file.name })} ${importProblemText(result.problem, t, locale)} ${t("import.unchanged")}`,
        });
    } catch (err) {
      say({ kind: "alert", text: `${t("import.refused", { name: file.name })} ${String(err)} ${t("import.unchanged")}` });
    } finally {
      setBusy(false);
      if (fileInput.current) fileInput.current.value = "";
    }
  };

  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-2 text-sm">
      <span data-testid="clip-usage">{t("clips.usage", { size: formatBytes(usage, locale) })}</span>
      <button
        type="button"
        className={buttonClass}
        disabled={usage === 0}
        onClick={() => void dropAllClips().then(() => say({ kind: "status", text: t("clips.freed") }))}
      >
        {t("clips.freeAll")}
      </button>
      <span className="mx-1 hidden h-5 border-l border-zinc-300 sm:inline dark:border-zinc-700" aria-hidden="true" />
      <label className="inline-flex items-center gap-1.5">
        <input type="checkbox" checked={withClips} onChange={(e) => setWithClips(e.target.checked)} />
        {t("export.withClips")}
      </label>
      <button type="button" className={buttonClass} disabled={busy || count === 0} onClick={() => void onExport()}>
        {t("export.button")}
      </button>
      <button type="button" className={buttonClass} disabled={busy} onClick={() => fileInput.current?.click()}>
        {t("import.button")}
      </button>
      <input
        ref={fileInput}
        type="file"
        accept=".json,application/json"
        aria-label={t("import.file")}
        className="hidden"
        onChange={(e) => void onImport(e.target.files?.[0])}
      />
      <ClearHistoryDialog count={count} onConfirm={() => void clearRuns().then(() => say({ kind: "status", text: t("clear.done") }))} />
    </div>
  );
}
