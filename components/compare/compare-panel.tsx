"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { getRun, type StoredRun, subscribe } from "@/lib/history/store";
import { type CompareEntry, CompareView } from "./compare-view";

/** Reads the runs `ids` from the history, again whenever the history changes (this tab or another). */
function useStoredRuns(ids: readonly string[]): { runs: (StoredRun | undefined)[]; loaded: boolean } {
  const [state, setState] = useState<{ runs: (StoredRun | undefined)[]; loaded: boolean }>({ runs: [], loaded: false });
  const key = ids.join(",");
  // biome-ignore lint/correctness/useExhaustiveDependencies: key is ids, joined: the trigger
  useEffect(() => {
    let live = true;
    const load = () =>
      Promise.all(ids.map((id) => getRun(id).catch(() => undefined))).then((runs) => {
        if (live) setState({ runs, loaded: true });
      });
    void load();
    const off = subscribe(() => void load());
    return () => {
      live = false;
      off();
    };
  }, [key]);
  return state;
}

/** Object URLs of kept clips (or of another of the runs' blobs: their posters), revoked when no longer shown. */
function useBlobUrls(runs: (StoredRun | undefined)[], blob: (run: StoredRun) => Blob | undefined): (string | undefined)[] {
  const [urls, setUrls] = useState<(string | undefined)[]>([]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: which blob is fixed per call site
  useEffect(() => {
    const made = runs.map((r) => {
      const b = r && blob(r);
      return b ? URL.createObjectURL(b) : undefined;
    });
    setUrls(made);
    return () => {
      for (const u of made) if (u) URL.revokeObjectURL(u);
    };
  }, [runs]);
  return urls;
}

/**
 * The comparison of runs kept in the history (loaded with its first use: the ids come from the
 * address bar, the History panel or a variants run). A kept clip plays from the browser; otherwise the
 * result's URL. Runs missing from this browser's history are named as such.
 */
export default function ComparePanel({ ids, onClose }: { ids: readonly string[]; onClose: () => void }) {
  const t = useTranslations("compare");
  const { runs, loaded } = useStoredRuns(ids);
  const clips = useBlobUrls(runs, (r) => r.clip);
  const posters = useBlobUrls(runs, (r) => r.poster);
  const missing = loaded ? ids.filter((_, i) => !runs[i]) : [];
  const entries: CompareEntry[] = ids.flatMap((id, i) => {
    const stored = runs[i];
    if (!stored) return [];
    const run = stored.run;
    const src = clips[i] ?? (run.task?.status === "succeeded" ? run.video?.url : undefined);
    return [{ id, run, src, poster: posters[i] }];
  });
  if (!loaded) return <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("loading")}</p>;
  return (
    <div className="space-y-2">
      {missing.length > 0 && (
        <p role="status" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950/40">
          {t("missing", { count: missing.length })}
        </p>
      )}
      {entries.length > 0 && <CompareView entries={entries} onClose={onClose} />}
      {entries.length === 0 && (
        <button type="button" onClick={onClose} className="text-sm underline">
          {t("close")}
        </button>
      )}
    </div>
  );
}
