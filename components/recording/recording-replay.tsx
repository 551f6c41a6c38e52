"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { WithTimeZone } from "@/components/i18n/intl-provider";
import { useSpec } from "@/components/playground/spec-context";
import type { Run } from "@/lib/client/run";
import { importRequest } from "@/lib/handoff/request-import";
import { type ReplayFrame, recordingVideoUrl, replayFrames } from "@/lib/recordings/replay";
import { type MediaField, runnableValues } from "@/lib/recordings/runnable";
import type { ReplayConfig } from "@/lib/recordings/source";
import { parseSavedRun, type SavedRun } from "@/lib/runs/saved-run";
import type { FormState } from "@/lib/spec/form-state";

const buttonClass =
  "rounded-md border border-zinc-300 px-3 py-1 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800";

type Loaded = { saved: SavedRun; frames: ReplayFrame[] } | { problems: string[] } | null;

/**
 * Plays a recording in the output panel: fetches its JSON (and nothing else: no create, no poll, no key),
 * checks it with parseSavedRun, and hands the panel the run as it was at each recorded moment, at the
 * recorded pace divided by `speed`, until the run as it ended with its video. Above the run it says when
 * the run was recorded and offers "Run it yourself" (the form filled with the recorded request) where the
 * host allows live runs. Loaded only when a recording is asked for.
 */
export default function RecordingReplay(props: Parameters<typeof Replay>[0]) {
  return (
    <WithTimeZone>
      <Replay {...props} />
    </WithTimeZone>
  );
}

function Replay({
  config,
  onRun,
  onLive,
  onClose,
}: {
  config: ReplayConfig;
  onRun: (run: Run | null) => void;
  /** The form filled with the recorded request; `dropped`: media fields left empty (lib/recordings/runnable.ts). */
  onLive: (values: Partial<FormState>, dropped: MediaField[]) => void;
  /** Back to the playground as it was (offered where live runs are). */
  onClose?: () => void;
}) {
  const spec = useSpec();
  const t = useTranslations("recording");
  const formatter = useFormatter();
  const [loaded, setLoaded] = useState<Loaded>(null);
  const [index, setIndex] = useState(0);
  const [round, setRound] = useState(0);

  useEffect(() => {
    let cancelled = false;
    setLoaded(null);
    setIndex(0);
    const url = new URL(config.url, window.location.href).href;
    (async () => {
      // Default credentials: the deployment's own recordings come with its access cookie when the gate is on;
      // a docs site's recording (another origin) is fetched without cookies.
      const res = await fetch(url);
      if (!res.ok) throw new Error(`${config.url}: HTTP ${res.status}`);
      const parsed = parseSavedRun(await res.json());
      if (!parsed.ok) return { problems: parsed.problems.map((p) => `${p.path}: ${p.message}`) };
      if (parsed.run.model !== spec.id) return { problems: [`model: a recording of ${parsed.run.model}, this is ${spec.id}`] };
      return { saved: parsed.run, frames: replayFrames(parsed.run, recordingVideoUrl(parsed.run, url)) };
    })()
      .catch((err: unknown) => ({ problems: [err instanceof Error ? err.message : String(err)] }))
      .then((result) => {
        if (!cancelled) setLoaded(result);
      });
    return () => {
      cancelled = true;
    };
  }, [config.url, spec.id]);

  // Opened by a click (it replaces the form): focus moves to it, so a keyboard reader is not left at the page's top.
  const shown = useRef<HTMLElement & HTMLDivElement>(null);
  useEffect(() => {
    if (loaded && config.focus) shown.current?.focus();
  }, [loaded, config.focus]);

  const frames = loaded && "frames" in loaded ? loaded.frames : null;
  const saved = loaded && "saved" in loaded ? loaded.saved : null;

  // One timer per step: the gap to the next recorded moment, divided by the speed.
  // biome-ignore lint/correctness/useExhaustiveDependencies: round is the trigger of "Replay again"
  useEffect(() => {
    if (!frames) return;
    const frame = frames[index];
    const startedAt = Date.now() - frame.at;
    const last = index === frames.length - 1;
    const run = frame.run;
    onRun({
      ...run,
      startedAt,
      watchStartedAt: startedAt,
      finishedAt: last && saved ? startedAt + ((saved.finishedAt ?? saved.startedAt) - saved.startedAt) : undefined,
    });
    if (last) return;
    const timer = setTimeout(() => setIndex(index + 1), (frames[index + 1].at - frame.at) / config.speed);
    return () => clearTimeout(timer);
  }, [frames, index, round, config.speed, onRun, saved]);

  if (!loaded) return <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("loading")}</p>;
  if ("problems" in loaded)
    return (
      <div
        ref={shown}
        tabIndex={-1}
        role="alert"
        className="rounded-lg border border-red-300 bg-red-50 p-3 text-sm dark:border-red-800 dark:bg-red-950/40"
      >
        <p className="font-medium">{t("failed")}</p>
        <ul className="mt-1 list-disc pl-5">
          {loaded.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
        {onClose && (
          <button type="button" className={`${buttonClass} mt-2`} onClick={() => onClose()}>
            {t("close")}
          </button>
        )}
      </div>
    );
  const done = index === loaded.frames.length - 1;
  return (
    <section
      ref={shown}
      tabIndex={-1}
      aria-label={t("title")}
      className="space-y-2 rounded-lg border border-sky-200 bg-sky-50 p-3 text-sm dark:border-sky-900 dark:bg-sky-950/40"
    >
      <p>
        <span className="font-semibold">{t("title")}</span>
        {" · "}
        <time dateTime={loaded.saved.ranAt}>
          {t("recordedAt", { date: formatter.dateTime(new Date(loaded.saved.ranAt), { dateStyle: "long", timeStyle: "short" }) })}
        </time>
        {config.speed !== 1 && ` · ${t("speed", { speed: config.speed })}`}
      </p>
      <p className="text-zinc-700 dark:text-zinc-300">{done ? t("done") : t("playing")}</p>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className={buttonClass}
          disabled={!done}
          onClick={() => {
            setIndex(0);
            setRound((r) => r + 1);
          }}
        >
          {t("again")}
        </button>
        {config.live && loaded.saved.request && (
          <button
            type="button"
            className="rounded-md bg-amber-700 px-3 py-1 text-sm font-medium text-white hover:bg-amber-800 dark:bg-amber-500 dark:text-zinc-950 dark:hover:bg-amber-400"
            onClick={() => {
              const { values, dropped } = runnableValues(importRequest(spec, loaded.saved.request).values);
              onLive(values, dropped);
            }}
          >
            {t("runYourself")}
          </button>
        )}
        {onClose && (
          <button type="button" className={buttonClass} onClick={() => onClose()}>
            {t("close")}
          </button>
        )}
      </div>
    </section>
  );
}
