"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { ALL, filterRuns, type HistoryFilter, RUN_STATUSES } from "@/lib/history/summary";
import { useHistoryRuns } from "@/lib/history/use-history-runs";
import { MODE_IDS } from "@/lib/spec/contract";
import { CompareSelection } from "../compare/compare-selection";
import { useNow } from "./format";
import { type HistoryActions, HistoryItem } from "./history-item";
import { HistoryToolbar, type Say } from "./history-toolbar";
import { inputClass } from "./styles";

/**
 * The History panel: every run this browser kept (lib/history/store.ts), newest first, filtered by mode
 * and status and searched by prompt, with what can be done with each and with the whole. Loaded when
 * the History section is first opened.
 */
export function HistoryPanel({ shownId, ...actions }: HistoryActions & { shownId?: string }) {
  const t = useTranslations("history");
  const ids = useId();
  const runs = useHistoryRuns();
  const now = useNow();
  const [filter, setFilter] = useState<HistoryFilter>({ mode: ALL, status: ALL, query: "" });
  const [message, setMessage] = useState<Parameters<Say>[0] | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  // A deleted run's row is gone with its button: focus goes to the Undo that replaces it.
  const undoButton = useRef<HTMLButtonElement>(null);
  const undoOffer = message?.kind === "status" ? message.undo : undefined;
  useEffect(() => {
    if (undoOffer) undoButton.current?.focus();
  }, [undoOffer]);
  const all = runs.data ?? [];
  const shown = filterRuns(all, filter);
  const set = (patch: Partial<HistoryFilter>) => setFilter((f) => ({ ...f, ...patch }));

  return (
    <div className="space-y-3">
      <HistoryToolbar count={all.length} say={setMessage} />
      <div className={message?.kind === "status" ? "flex flex-wrap items-baseline gap-2" : "contents"}>
        <div role="status" className="text-sm text-emerald-800 empty:hidden dark:text-emerald-300">
          {message?.kind === "status" ? message.text : ""}
        </div>
        {message?.kind === "status" && message.undo && (
          <button
            ref={undoButton}
            type="button"
            onClick={() => {
              const undo = message.undo;
              undo?.().then(
                (back) => setMessage(back ? { kind: "status", text: t("item.restored") } : { kind: "alert", text: t("item.notRestored") }),
                (err: unknown) =>
                  setMessage({
                    kind: "alert",
                    text: t("item.restoreFailed", { reason: err instanceof Error ? err.message : String(err) }),
                  }),
              );
            }}
            className="text-sm font-medium text-amber-700 underline dark:text-amber-400"
          >
            {t("item.undo")}
          </button>
        )}
      </div>
      <div role="alert" className="rounded-md text-sm text-red-700 empty:hidden dark:text-red-300">
        {message?.kind === "alert" ? message.text : ""}
      </div>
      <div className="flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col gap-1" htmlFor={`${ids}-mode`}>
          {t("filter.mode")}
          <select id={`${ids}-mode`} className={inputClass} value={filter.mode} onChange={(e) => set({ mode: e.target.value })}>
            <option value={ALL}>{t("filter.allModes")}</option>
            {MODE_IDS.map((m) => (
              <option key={m} value={m}>
                {t(`modes.${m}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1" htmlFor={`${ids}-status`}>
          {t("filter.status")}
          <select id={`${ids}-status`} className={inputClass} value={filter.status} onChange={(e) => set({ status: e.target.value })}>
            <option value={ALL}>{t("filter.allStatuses")}</option>
            {RUN_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex min-w-48 flex-1 flex-col gap-1" htmlFor={`${ids}-query`}>
          {t("filter.search")}
          <input
            id={`${ids}-query`}
            type="search"
            className={inputClass}
            value={filter.query}
            placeholder={t("filter.searchPlaceholder")}
            onChange={(e) => set({ query: e.target.value })}
          />
        </label>
      </div>
      {runs.error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {t("unavailable", { detail: String(runs.error) })}
        </p>
      ) : runs.isPending ? (
        <p className="text-sm text-zinc-500">{t("loading")}</p>
      ) : all.length === 0 ? (
        <p className="rounded-lg bg-zinc-50 p-4 text-sm text-zinc-600 dark:bg-zinc-900 dark:text-zinc-400">{t("empty")}</p>
      ) : (
        <>
          <p className="text-xs text-zinc-600 dark:text-zinc-400">{t("count", { shown: shown.length, total: all.length })}</p>
          {actions.onCompare && <CompareSelection selected={selected} onCompare={actions.onCompare} onClear={() => setSelected([])} />}
          <ul aria-label={t("listLabel")} className="space-y-2">
            {shown.map((stored) => (
              <HistoryItem
                key={stored.run.id}
                stored={stored}
                now={now}
                shown={stored.run.id === shownId}
                say={setMessage}
                actions={actions}
                selected={selected.includes(stored.run.id)}
                onSelect={
                  actions.onCompare
                    ? (on) =>
                        setSelected((ids) =>
                          on ? [...ids.filter((id) => id !== stored.run.id), stored.run.id] : ids.filter((id) => id !== stored.run.id),
                        )
                    : undefined
                }
              />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
