"use client";

import { useState } from "react";
import type { TaskOutput } from "@/lib/spec/schema";

/** The rendered video, playing, with the size and duration the browser actually measured. */
export function VideoResult({ output }: { output: TaskOutput }) {
  const [measured, setMeasured] = useState<{ width: number; height: number; duration: number } | null>(null);
  const portrait = output.height > output.width;
  return (
    <figure className="space-y-2">
      <div className={`flex justify-center overflow-hidden rounded-lg bg-black ${portrait ? "max-h-[70vh]" : ""}`}>
        <video
          src={output.video_url}
          controls
          autoPlay
          muted
          loop
          playsInline
          aria-label="Rendered video"
          className={portrait ? "max-h-[70vh] w-auto" : "w-full"}
          style={{ aspectRatio: `${output.width} / ${output.height}` }}
          onLoadedMetadata={(e) => {
            const v = e.currentTarget;
            setMeasured({ width: v.videoWidth, height: v.videoHeight, duration: v.duration });
          }}
        />
      </div>
      <figcaption className="flex flex-wrap gap-x-4 text-xs text-zinc-600 dark:text-zinc-400">
        {measured ? (
          <span data-testid="video-measured">
            Playing {measured.width}×{measured.height} · {measured.duration.toFixed(2)} s
          </span>
        ) : (
          <span>Loading video…</span>
        )}
        <span>
          Reported: {output.width}×{output.height} · {output.duration} s · {output.aspect_ratio} · {output.resolution}
        </span>
        <a href={output.video_url} className="underline" download>
          Download MP4
        </a>
      </figcaption>
    </figure>
  );
}
