"use client";

import { useTranslations } from "next-intl";
import type { Ref } from "react";
import { useWatch } from "react-hook-form";
import type { FormState } from "@/lib/spec/form-state";

/** "See a recorded run": offered when the current mode has a recording; the player loads on the click. */
export function RecordingToggle({
  modes,
  onPlay,
  ref,
}: {
  modes: readonly string[];
  onPlay: (mode: string) => void;
  ref?: Ref<HTMLButtonElement>;
}) {
  const t = useTranslations("recording");
  const mode = useWatch<FormState, "mode">({ name: "mode" });
  if (!modes.includes(mode)) return null;
  return (
    <button
      ref={ref}
      type="button"
      title={t("seeHint")}
      onClick={() => onPlay(mode)}
      className="rounded-md border border-zinc-300 px-2.5 py-1 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
    >
      {t("see")}
    </button>
  );
}
