"use client";

import { useTranslations } from "next-intl";
import type { Scenario } from "@/lib/simulator/scenarios";
import { inputClass } from "./field";

/** A scenario as the control shows it (the server passes these, so the list adds no script to the page). */
export type ScenarioChoice = Pick<Scenario, "id" | "label" | "description">;

/**
 * Picks a fault scenario of the embedded simulator for the next run (sent as `x-simulate`). Shown only
 * when the upstream is the simulator: a real upstream cannot be told to misbehave.
 */
export function SimulateControl({
  scenarios,
  value,
  onChange,
}: {
  scenarios: ScenarioChoice[];
  value: string;
  onChange: (id: string) => void;
}) {
  const scenario = scenarios.find((s) => s.id === value);
  const t = useTranslations("playground.simulate");
  return (
    <div className="space-y-1.5 rounded-lg border border-dashed border-zinc-300 p-3 dark:border-zinc-700">
      <label htmlFor="nb2-simulate" className="block text-sm font-medium">
        {t("label")}
      </label>
      <select
        id="nb2-simulate"
        className={inputClass}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby="nb2-simulate-hint"
      >
        {scenarios.map((s) => (
          <option key={s.id} value={s.id}>
            {s.label}
          </option>
        ))}
      </select>
      <p id="nb2-simulate-hint" className="text-xs text-zinc-600 dark:text-zinc-400">
        {t.rich("hint", {
          description: scenario?.description ?? "",
          value,
          code: (chunks) => <code className="font-mono">{chunks}</code>,
        })}
      </p>
    </div>
  );
}
