"use client";

import { SCENARIOS, scenarioById } from "@/lib/simulator/scenarios";
import { inputClass } from "./field";

/**
 * Picks a fault scenario of the embedded simulator for the next run (sent as `x-simulate`). Shown only
 * when the upstream is the simulator: a real upstream cannot be told to misbehave.
 */
export function SimulateControl({ value, onChange }: { value: string; onChange: (id: string) => void }) {
  const scenario = scenarioById(value);
  return (
    <div className="space-y-1.5 rounded-lg border border-dashed border-zinc-300 p-3 dark:border-zinc-700">
      <label htmlFor="nb2-simulate" className="block text-sm font-medium">
        Simulate
      </label>
      <select id="nb2-simulate" className={inputClass} value={value} onChange={(e) => onChange(e.target.value)} aria-describedby="nb2-simulate-hint">
        {SCENARIOS.map((s) => (
          <option key={s.id} value={s.id}>
            {s.label}
          </option>
        ))}
      </select>
      <p id="nb2-simulate-hint" className="text-xs text-zinc-500 dark:text-zinc-400">
        {scenario?.description} Sent as <span className="font-mono">x-simulate: {value}</span>; the simulator only.
      </p>
    </div>
  );
}
