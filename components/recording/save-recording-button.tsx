"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useSpec } from "@/components/playground/spec-context";
import type { Run } from "@/lib/client/run";

/** "Save as recording" for an ended run: downloads its JSON and its video side by side (lib/recordings/save.ts, loaded on the click). */
export function SaveRecordingButton({ run }: { run: Run }) {
  const spec = useSpec();
  const t = useTranslations("recording");
  const [state, setState] = useState<{ kind: "idle" | "saving" } | { kind: "done" | "failed"; text: string }>({ kind: "idle" });
  const onClick = async () => {
    setState({ kind: "saving" });
    try {
      const { saveRecording } = await import("@/lib/recordings/save");
      const { name, video } = await saveRecording(run, spec.id);
      if (video === "saved") setState({ kind: "done", text: t("saved", { name }) });
      else if (video === "none") setState({ kind: "done", text: t("savedNoVideo", { name }) });
      else setState({ kind: "failed", text: t("savedVideoFailed", { name, reason: video.failed }) });
    } catch (err) {
      setState({ kind: "failed", text: t("saveFailed", { reason: err instanceof Error ? err.message : String(err) }) });
    }
  };
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm">
      <button
        type="button"
        onClick={onClick}
        disabled={state.kind === "saving"}
        className="rounded-md border border-zinc-300 px-3 py-1 text-sm font-medium hover:bg-zinc-100 disabled:opacity-60 dark:border-zinc-700 dark:hover:bg-zinc-800"
      >
        {state.kind === "saving" ? t("saving") : t("save")}
      </button>
      <span role="status" className={state.kind === "failed" ? "text-red-700 dark:text-red-400" : "text-zinc-600 dark:text-zinc-400"}>
        {"text" in state ? state.text : ""}
      </span>
    </div>
  );
}
