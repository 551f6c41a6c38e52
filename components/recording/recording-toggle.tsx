"use client";

import { useWatch } from "react-hook-form";
import type { FormState } from "@/lib/spec/form-state";
import { useRecordingLabels } from "./recording-labels";

/** "See a recorded run": offered when the current mode has a recording; the player loads on the click. */
export function RecordingToggle({ modes, onPlay }: { modes: readonly string[]; onPlay: (mode: string) => void }) {
  const labels = useRecordingLabels();
  const mode = useWatch<FormState, "mode">({ name: "mode" });
  if (!labels || !modes.includes(mode)) return null;
  return (
    <button
      type="button"
      title={labels.seeHint}
      onClick={() => onPlay(mode)}
      className="rounded-md border border-zinc-300 px-2.5 py-1 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
    >
      {labels.see}
    </button>
  );
}
