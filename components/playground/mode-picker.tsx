"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { CONTRACT_MODES, type ModeId } from "@/lib/spec/contract";
import type { FormState } from "@/lib/spec/schema";
import { useSpec } from "./spec-context";

/**
 * The model's modes as a segmented radio group, then the selected mode's form. The mode is a field of the
 * request (`mode`), so it is a native radio group like the form's other choices: arrow keys move between
 * modes, screen readers announce "Generation mode, radio group", and there is no tabs library to load and
 * hydrate before the run button is usable (Radix Tabs cost about 20 ms of main-thread time here).
 */
export function ModePicker({ onModeChange, children }: { onModeChange: (mode: ModeId) => void; children: ReactNode }) {
  const { control } = useFormContext<FormState>();
  const mode = useWatch({ control, name: "mode" });
  const spec = useSpec();
  const t = useTranslations("spec.modes");
  const legend = useTranslations("playground")("modeLegend");
  const modes = CONTRACT_MODES.filter((m) => spec.modes.some((x) => x.id === m.id));
  const current = modes.find((m) => m.id === mode) ?? modes[0];
  return (
    <div>
      <fieldset>
        <legend className="sr-only">{legend}</legend>
        <div className="grid grid-cols-2 gap-1 rounded-lg bg-zinc-100 p-1 sm:grid-cols-4 dark:bg-zinc-900">
          {modes.map((m) => (
            <label
              key={m.id}
              className="cursor-pointer rounded-md px-1 py-1.5 text-center text-sm leading-tight font-medium text-zinc-600 transition hover:text-zinc-900 has-[:checked]:bg-white has-[:checked]:text-zinc-900 has-[:checked]:shadow-sm has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-amber-500 dark:text-zinc-400 dark:hover:text-zinc-100 dark:has-[:checked]:bg-zinc-800 dark:has-[:checked]:text-zinc-50"
            >
              <input
                type="radio"
                className="sr-only"
                name="nb2-mode"
                value={m.id}
                checked={mode === m.id}
                onChange={() => onModeChange(m.id)}
              />
              {m.label}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="mt-3">
        <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">{t(`${current.id}.description`)}</p>
        {children}
      </div>
    </div>
  );
}
