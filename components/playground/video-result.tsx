"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { expiryOf } from "@/lib/client/expiry";
import type { TaskOutput } from "@/lib/spec/schema";

const buttonClass =
  "inline-flex items-center rounded-md border border-zinc-300 px-3 py-1 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800";

/** The current time, ticking every second while `active`. */
function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

/**
 * The rendered video, playing, with the size and duration the browser actually measured. When the
 * upstream says when the URL expires: a countdown and a download button; once expired, an explanation
 * instead of a player that cannot load.
 */
/** `23 h 59 min`, `4 min 05 s`, `12 s` in the page's language: coarse far away, to the second near the end. */
function useLeft(): (ms: number) => string {
  const t = useTranslations("playground.video.left");
  const pad = (n: number) => String(n).padStart(2, "0");
  return (ms) => {
    const s = Math.max(0, Math.floor(ms / 1000));
    const h = Math.floor(s / 3600);
    const m = Math.floor((s % 3600) / 60);
    if (h > 0) return t("hours", { h, m: pad(m) });
    if (m > 0) return t("minutes", { m, s: pad(s % 60) });
    return t("seconds", { s: s % 60 });
  };
}

export function VideoResult({ output, keptSrc }: { output: TaskOutput; keptSrc?: string }) {
  const t = useTranslations("playground.video");
  const left = useLeft();
  // prefers-reduced-motion: the video waits for play instead of starting on its own.
  const [reduceMotion] = useState(() => typeof window !== "undefined" && window.matchMedia("(prefers-reduced-motion: reduce)").matches);
  const [measured, setMeasured] = useState<{ width: number; height: number; duration: number } | null>(null);
  const now = useNow(!!output.expires_at);
  const expiry = expiryOf(output.expires_at, now);
  const width = measured?.width ?? output.width;
  const height = measured?.height ?? output.height;
  const portrait = !!width && !!height && height > width;
  // A clip kept in the browser plays whatever became of the URL.
  if (expiry.kind === "expired" && !keptSrc) {
    return (
      <div
        role="alert"
        aria-label={t("expired")}
        className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm dark:border-amber-800 dark:bg-amber-950/40"
      >
        <p className="font-medium">{t("expiredAt", { at: expiry.at })}</p>
        <p className="mt-1">{t("expiredBody")}</p>
      </div>
    );
  }
  const reported = [
    output.width && output.height ? `${output.width}×${output.height}` : null,
    output.duration !== undefined ? t("seconds", { value: output.duration }) : null,
    output.aspect_ratio,
    output.resolution,
  ].filter(Boolean);
  return (
    <figure className="space-y-2">
      <div className={`flex justify-center overflow-hidden rounded-lg bg-black ${portrait ? "max-h-[70vh]" : ""}`}>
        <video
          src={keptSrc ?? output.video_url}
          controls
          autoPlay={!reduceMotion}
          muted
          loop
          playsInline
          aria-label={t("rendered")}
          className={portrait ? "max-h-[70vh] w-auto" : "w-full"}
          style={width && height ? { aspectRatio: `${width} / ${height}` } : undefined}
          onLoadedMetadata={(e) => {
            const v = e.currentTarget;
            setMeasured({ width: v.videoWidth, height: v.videoHeight, duration: v.duration });
          }}
        />
      </div>
      <figcaption className="flex flex-wrap items-center gap-x-4 gap-y-2 text-xs text-zinc-600 dark:text-zinc-400">
        {measured ? (
          <span data-testid="video-measured">
            {t("playing", { width: measured.width, height: measured.height, seconds: measured.duration })}
          </span>
        ) : (
          <span>{t("loading")}</span>
        )}
        {reported.length > 0 && <span>{t("reported", { values: reported.join(" · ") })}</span>}
        {keptSrc && <KeptNote />}
        {!keptSrc && expiry.kind === "live" && (
          <span role="timer" aria-label={t("expiresLabel")} className="font-medium text-amber-700 dark:text-amber-400">
            {t("expires", { left: left(expiry.msLeft), at: expiry.at })}
          </span>
        )}
        <a href={keptSrc ?? output.video_url} className={buttonClass} download>
          {t("download")}
        </a>
      </figcaption>
    </figure>
  );
}

function KeptNote() {
  const t = useTranslations("history.saved");
  return <span data-testid="video-kept">{t("kept")}</span>;
}
