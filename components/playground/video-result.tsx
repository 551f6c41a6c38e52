"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { expiryOf } from "@/lib/client/expiry";
import type { TaskOutput } from "@/lib/spec/schema";
import { ResultActions } from "../compare/result-actions";

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
export function VideoResult({ output, keptSrc }: { output: TaskOutput; keptSrc?: string }) {
  const [measured, setMeasured] = useState<{ width: number; height: number; duration: number } | null>(null);
  const video = useRef<HTMLVideoElement>(null);
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
        aria-label="Video link expired"
        className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm dark:border-amber-800 dark:bg-amber-950/40"
      >
        <p className="font-medium">The video&apos;s link expired at {expiry.at.toLocaleString()}.</p>
        <p className="mt-1">
          The upstream keeps a finished video only for a while (the generation.task gateway: 24 hours), so there is nothing left to play or
          download. Run the task again to get a new video.
        </p>
      </div>
    );
  }
  const reported = [
    output.width && output.height ? `${output.width}×${output.height}` : null,
    output.duration !== undefined ? `${output.duration} s` : null,
    output.aspect_ratio,
    output.resolution,
  ].filter(Boolean);
  return (
    <figure className="space-y-2">
      <div className={`flex justify-center overflow-hidden rounded-lg bg-black ${portrait ? "max-h-[70vh]" : ""}`}>
        <video
          ref={video}
          src={keptSrc ?? output.video_url}
          controls
          autoPlay
          muted
          loop
          playsInline
          aria-label="Rendered video"
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
            Playing {measured.width}×{measured.height} · {measured.duration.toFixed(2)} s
          </span>
        ) : (
          <span>Loading video…</span>
        )}
        {reported.length > 0 && <span>Reported: {reported.join(" · ")}</span>}
        {keptSrc && <KeptNote />}
        {!keptSrc && expiry.kind === "live" && (
          <span role="timer" aria-label="Link expires in" className="font-medium text-amber-700 dark:text-amber-400">
            Link expires in {expiry.text} (at {expiry.at.toLocaleString()}): download it to keep it.
          </span>
        )}
        <a href={keptSrc ?? output.video_url} className={buttonClass} download>
          Download MP4
        </a>
      </figcaption>
      <ResultActions videoUrl={output.video_url} video={() => video.current} />
    </figure>
  );
}

function KeptNote() {
  const t = useTranslations("history.saved");
  return <span data-testid="video-kept">{t("kept")}</span>;
}
