"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useFormContext } from "react-hook-form";
import { type ModeId, modeLabel } from "@/lib/spec/contract";
import type { FormState } from "@/lib/spec/form-state";
import { brokenRules, hasMode } from "@/lib/spec/model-spec";
import { useExportTarget } from "../playground/export-target";
import { useSpec } from "../playground/spec-context";
import { useApplyValues } from "../playground/use-form-link";

const button =
  "rounded-md border border-zinc-300 px-2.5 py-1 text-xs font-medium hover:bg-zinc-100 disabled:cursor-not-allowed disabled:opacity-60 dark:border-zinc-700 dark:hover:bg-zinc-800";

/** Puts the form in front of the user after it was filled from a result. */
function focusForm() {
  const prompt = document.getElementById("nb2-prompt");
  prompt?.scrollIntoView({ block: "center" });
  prompt?.focus({ preventScroll: true });
}

/**
 * Takes a succeeded result further, in the playground's form: "Edit this result" makes its video the
 * source of a Video Edit; "Start from this frame" uploads the frame the player shows (through the same
 * upload path as a dropped file) as the first frame of an Image-to-Video run or the reference of an
 * R2V run. A mode the model or the upstream does not offer is a disabled button with the reason.
 */
export function ResultActions({ videoUrl, video }: { videoUrl: string; video: () => HTMLVideoElement | null }) {
  const t = useTranslations("compare.actions");
  const spec = useSpec();
  const form = useFormContext<FormState>();
  const apply = useApplyValues(spec, form);
  const { unavailable = {} } = useExportTarget();
  const [busy, setBusy] = useState<ModeId | null>(null);
  const [error, setError] = useState<string | null>(null);
  const whyId = useId();

  const why = (mode: ModeId): string | null =>
    !hasMode(spec, mode) ? t("noMode", { model: spec.name, mode: modeLabel(mode) }) : (unavailable[mode] ?? null);
  const editWhy = why("video-edit");

  const fromFrame = async (mode: "image-to-video" | "r2v") => {
    const el = video();
    if (!el) return;
    setBusy(mode);
    setError(null);
    try {
      const [{ captureFrame, FrameUnreadableError, nearestAspectRatio }, { uploadFile }] = await Promise.all([
        import("@/lib/compare/frame"),
        import("@/lib/client/upload"),
      ]);
      const file = await captureFrame(el).catch((err) => {
        throw err instanceof FrameUnreadableError ? new Error(t("frameUnreadable")) : err;
      });
      const { upload } = await uploadFile(file);
      // The new run takes the frame's shape (a portrait frame in a 16:9 run would be stretched), of the shapes
      // the spec's rules allow with the rest of the form (gemini-omni-flash's 1080P is 16:9 only).
      const values = form.getValues();
      const fits = spec.aspectRatios.filter((r) => !brokenRules(spec, { ...values, aspect_ratio: r }).length);
      const aspect = nearestAspectRatio(fits.length ? fits : spec.aspectRatios, el.videoWidth, el.videoHeight) as
        | FormState["aspect_ratio"]
        | undefined;
      const shape = aspect ? { aspect_ratio: aspect } : {};
      apply(mode === "image-to-video" ? { mode, image_url: upload.url, ...shape } : { mode, reference_image_urls: [upload.url], ...shape });
      focusForm();
    } catch (err) {
      setError(t("frameFailed", { reason: err instanceof Error ? err.message : String(err) }));
    } finally {
      setBusy(null);
    }
  };

  const frameButton = (mode: "image-to-video" | "r2v", label: string) => {
    const reason = why(mode);
    return (
      <button
        type="button"
        className={button}
        disabled={!!reason || busy !== null}
        title={reason ?? undefined}
        onClick={() => void fromFrame(mode)}
      >
        {busy === mode ? t("uploading") : label}
      </button>
    );
  };

  return (
    <div className="flex flex-wrap items-center gap-2">
      <button
        type="button"
        className={button}
        disabled={!!editWhy}
        aria-describedby={editWhy ? whyId : undefined}
        onClick={() => {
          apply({ mode: "video-edit", video_url: videoUrl });
          focusForm();
        }}
      >
        {t("edit")}
      </button>
      {frameButton("image-to-video", t("frameI2v"))}
      {frameButton("r2v", t("frameR2v"))}
      {editWhy && (
        <p id={whyId} className="w-full text-xs text-zinc-600 dark:text-zinc-400">
          {t("editUnavailable", { reason: editWhy })}
        </p>
      )}
      {error && (
        <p role="alert" className="w-full text-xs text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
    </div>
  );
}
