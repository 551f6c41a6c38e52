"use client";

import { useTranslations } from "next-intl";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { SyncController, type SyncState } from "@/lib/compare/sync-controller";

export type PlayerSource = { id: string; src?: string; poster?: string; label: string; portrait?: boolean };

const RATES = [0.25, 0.5, 1, 1.5, 2] as const;
const button =
  "rounded-md border border-zinc-300 px-3 py-1 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800";

/**
 * 2–4 videos next to each other under one set of controls (lib/compare/sync-controller.ts): play/pause,
 * position, speed and loop move all of them. `below(i, video)` renders under each video (its actions).
 */
export function SyncedPlayers({
  sources,
  below,
}: {
  sources: PlayerSource[];
  below?: (index: number, video: () => HTMLVideoElement | null) => ReactNode;
}) {
  const t = useTranslations("compare");
  const videos = useRef<(HTMLVideoElement | null)[]>([]);
  const [sync] = useState(() => new SyncController());
  const [state, setState] = useState<SyncState>(() => sync.snapshot());
  const key = sources.map((s) => `${s.id}:${s.src ?? ""}`).join("|");
  // biome-ignore lint/correctness/useExhaustiveDependencies: key is the trigger: the set of videos changed
  useEffect(() => {
    sync.attach(videos.current.slice(0, sources.length).filter((v): v is HTMLVideoElement => !!v));
    return () => sync.detach();
  }, [key, sync]);
  useEffect(() => sync.subscribe(setState), [sync]);

  const cols = sources.length <= 2 ? "sm:grid-cols-2" : sources.length === 3 ? "sm:grid-cols-3" : "sm:grid-cols-2 xl:grid-cols-4";
  return (
    <div className="space-y-3">
      <ul className={`grid grid-cols-1 gap-3 ${cols}`} aria-label={t("videos")}>
        {sources.map((s, i) => (
          <li key={s.id} className="min-w-0 space-y-2">
            <div className="flex aspect-video items-center justify-center overflow-hidden rounded-lg bg-black">
              {s.src ? (
                <video
                  ref={(el) => {
                    videos.current[i] = el;
                  }}
                  src={s.src}
                  poster={s.poster}
                  muted
                  playsInline
                  preload="auto"
                  aria-label={t("videoOf", { label: s.label })}
                  className="h-full w-full object-contain"
                />
              ) : (
                <p className="p-4 text-center text-sm text-zinc-300">{t("noVideo")}</p>
              )}
            </div>
            <p className="truncate text-xs text-zinc-600 dark:text-zinc-400" title={s.label}>
              {s.label}
            </p>
            {below?.(i, () => videos.current[i] ?? null)}
          </li>
        ))}
      </ul>
      <fieldset
        className="flex flex-wrap items-center gap-3 rounded-lg border border-zinc-200 p-2 dark:border-zinc-800"
        aria-label={t("controls")}
      >
        <button type="button" className={button} onClick={() => (state.playing ? sync.pause() : sync.play())}>
          {state.playing ? t("pause") : t("play")}
        </button>
        <input
          type="range"
          min={0}
          max={state.duration || 0}
          step={1 / 24}
          value={Math.min(state.time, state.duration || 0)}
          onChange={(e) => sync.seek(Number(e.currentTarget.value))}
          aria-label={t("position")}
          aria-valuetext={t("positionText", { time: state.time.toFixed(2), duration: state.duration.toFixed(2) })}
          className="min-w-32 flex-1 accent-amber-600"
        />
        <output className="font-mono text-xs tabular-nums" aria-label={t("time")}>
          {state.time.toFixed(2)} / {state.duration.toFixed(2)}
        </output>
        <label className="flex items-center gap-1 text-sm">
          {t("speed")}
          <select
            value={state.rate}
            onChange={(e) => sync.setRate(Number(e.currentTarget.value))}
            className="rounded-md border border-zinc-300 bg-white px-1 py-0.5 dark:border-zinc-700 dark:bg-zinc-900"
          >
            {RATES.map((r) => (
              <option key={r} value={r}>
                {r}×
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-1 text-sm">
          <input
            type="checkbox"
            checked={state.loop}
            onChange={(e) => sync.setLoop(e.currentTarget.checked)}
            className="accent-amber-600"
          />
          {t("loop")}
        </label>
      </fieldset>
    </div>
  );
}
