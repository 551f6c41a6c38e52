"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import type { Run } from "@/lib/client/run";
import { newIdempotencyKey } from "@/lib/client/run";
import type { LeftOut, VariantAxes, VariantKey } from "@/lib/compare/variants";
import { costOf, MAX_PROMPT_VARIANTS, MAX_VARIANT_TASKS, planVariants } from "@/lib/compare/variants";
import { putRun } from "@/lib/history/store";
import { MODELS } from "@/lib/models/registry";
import { savedRunFromRun } from "@/lib/runs/saved-run";
import { CONTRACT_MODES, type ModeId, modeLabel } from "@/lib/spec/contract";
import type { FormState } from "@/lib/spec/form-state";
import type { ModelSpec } from "@/lib/spec/model-spec";
import { addPoster } from "../history/history-recorder";
import { useSay } from "../i18n/use-say";
import { type VariantItem, VariantRunner } from "./variant-runner";

export type VideoPrice = { perSecond: number; currency: string };

export type VariantsPanelProps = {
  spec: ModelSpec;
  unavailable: Partial<Record<ModeId, string>>;
  idempotent: boolean;
  simulate?: string;
  price?: VideoPrice;
  /** A variants run starts: the comparison is emptied for its results. */
  onStart: () => void;
  /** A variant ended and is in the history: the ids of every saved variant of the run, in the planned order. */
  onSaved: (ids: string[]) => void;
  onClose: () => void;
};

const box = "flex items-center gap-1.5 text-sm";
const fieldset = "min-w-0 space-y-1 rounded-lg border border-zinc-200 p-2 dark:border-zinc-800";
const button =
  "rounded-md border border-zinc-300 px-3 py-1 text-sm hover:bg-zinc-100 disabled:cursor-not-allowed disabled:opacity-60 dark:border-zinc-700 dark:hover:bg-zinc-800";

function toggle<T>(list: readonly T[], value: T, on: boolean): T[] {
  return on ? [...list.filter((x) => x !== value), value] : list.filter((x) => x !== value);
}

function keyLabel(key: VariantKey, prompts: number, seconds: (n: number) => string): string {
  const start = key.prompt.length > 40 ? `${key.prompt.slice(0, 40)}…` : key.prompt;
  return [
    key.model,
    modeLabel(key.mode),
    key.aspect_ratio,
    key.mode === "video-edit" ? null : seconds(key.duration),
    prompts > 1 ? `“${start}”` : null,
  ]
    .filter(Boolean)
    .join(" · ");
}

function Checks<T extends string | number>({
  legend,
  options,
  value,
  onChange,
  label = String,
}: {
  legend: string;
  options: readonly T[];
  value: readonly T[];
  onChange: (next: T[]) => void;
  label?: (v: T) => string;
}) {
  return (
    <fieldset className={fieldset}>
      <legend className="px-1 text-sm font-medium">{legend}</legend>
      {options.map((o) => (
        <label key={String(o)} className={box}>
          <input
            type="checkbox"
            className="accent-amber-600"
            checked={value.includes(o)}
            onChange={(e) => onChange(toggle(value, o, e.currentTarget.checked))}
          />
          {label(o)}
        </label>
      ))}
    </fieldset>
  );
}

/**
 * Variants of the form's request: the same prompt across chosen models, modes, aspect ratios and
 * durations, or up to four prompts. Says before it starts how many tasks and seconds of video it asks
 * for (and their cost, when the deployment sets a price), and what it leaves out and why; then runs them
 * (./variant-runner.tsx), saves each to the history as it ends and hands it to the comparison.
 */
export default function VariantsPanel({ spec, unavailable, idempotent, simulate, price, onStart, onSaved, onClose }: VariantsPanelProps) {
  const t = useTranslations("compare.variants");
  const format = useFormatter();
  const say = useSay();
  // The form's values, live: every variant starts from them.
  const base = useWatch({ control: useFormContext<FormState>().control }) as FormState;
  const [models, setModels] = useState<string[]>([spec.id]);
  const [modes, setModes] = useState<ModeId[]>([base.mode]);
  const [aspects, setAspects] = useState<string[]>([base.aspect_ratio]);
  const [durations, setDurations] = useState<number[]>([base.duration]);
  // The form's own prompt is the first; these are the others.
  const [extra, setExtra] = useState<string[]>([]);
  const [batch, setBatch] = useState<VariantItem[] | null>(null);
  const [ended, setEnded] = useState(0);
  const [saveError, setSaveError] = useState<string | null>(null);
  const saved = useRef(new Set<string>());
  const planned = useRef<string[]>([]);

  const chosen = MODELS.filter((m) => models.includes(m.id));
  const union = <T,>(pick: (m: ModelSpec) => readonly T[]) => [...new Set(chosen.flatMap(pick))];
  const prompts = extra.length ? [base.prompt, ...extra] : [base.prompt];
  const axes: VariantAxes = { models, modes, aspect_ratio: aspects, duration: durations, prompts };
  const plan = planVariants(base, spec, MODELS, axes, unavailable, say);
  const cost = costOf(plan.seconds, price);
  const running = batch !== null && ended < batch.length;

  const secs = (n: number) => t("seconds", { seconds: n });
  const start = () => {
    const items = plan.tasks.map((task) => {
      // A run's id in the history is its Idempotency-Key (docs/history.md), a variant's too.
      const key = newIdempotencyKey();
      return { id: key, label: keyLabel(task.key, prompts.length, secs), request: task.request, idempotencyKey: key };
    });
    saved.current = new Set();
    planned.current = items.map((i) => i.id);
    setEnded(0);
    setSaveError(null);
    onStart();
    setBatch(items);
  };

  const onEnd = (item: VariantItem, run: Run) => {
    setEnded((n) => n + 1);
    putRun(savedRunFromRun(run, { id: item.id, model: item.request.model })).then(
      () => {
        // The comparison lists the variants in the order they were planned, not the order they finished in.
        saved.current.add(item.id);
        onSaved(planned.current.filter((id) => saved.current.has(id)));
        // The history's poster frame, after the comparison has the run (a poster can take seconds).
        void addPoster(run, item.id).catch(() => {});
      },
      (err) => setSaveError(t("saveFailed", { reason: err instanceof Error ? err.message : String(err) })),
    );
  };

  const reason = (l: LeftOut): string => {
    switch (l.kind) {
      case "no-mode":
        return t("leftOut.noMode", { model: l.key.model, mode: modeLabel(l.key.mode) });
      case "not-allowed":
        return t("leftOut.notAllowed", { model: l.key.model, field: l.field, allowed: l.allowed });
      case "field-not-sent":
        return t("leftOut.fieldNotSent", { mode: modeLabel(l.key.mode), field: l.field });
      case "unavailable":
      case "rule":
        return l.kind === "rule" ? l.rule : l.reason;
      case "invalid":
        return `${l.param}: ${l.message}`;
      case "duplicate":
        return t("leftOut.duplicate");
      case "too-many":
        return t("leftOut.tooMany", { max: MAX_VARIANT_TASKS });
    }
  };

  // Lines that say the same (Video Edit has no duration to tell its variants apart) are said once, with a count.
  const leftOutLines: { line: string; count: number }[] = [];
  for (const l of plan.leftOut) {
    const line = `${keyLabel(l.key, prompts.length, secs)}: ${reason(l)}`;
    const seen = leftOutLines.find((x) => x.line === line);
    if (seen) seen.count++;
    else leftOutLines.push({ line, count: 1 });
  }

  return (
    <section aria-labelledby="variants-heading" className="space-y-3 rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
      <div className="flex items-center justify-between gap-2">
        <h2 id="variants-heading" className="text-lg font-semibold">
          {t("title")}
        </h2>
        {!running && (
          <button type="button" className={button} onClick={onClose}>
            {t("close")}
          </button>
        )}
      </div>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("intro", { max: MAX_VARIANT_TASKS })}</p>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Checks legend={t("models")} options={MODELS.map((m) => m.id)} value={models} onChange={setModels} />
        <Checks
          legend={t("modes")}
          options={CONTRACT_MODES.map((m) => m.id).filter((id) => union((m) => m.modes.map((x) => x.id)).includes(id))}
          value={modes}
          onChange={setModes}
          label={modeLabel}
        />
        <Checks legend={t("aspectRatios")} options={union((m) => m.aspectRatios)} value={aspects} onChange={setAspects} />
        <Checks
          legend={t("durations")}
          options={union((m) => m.durations).sort((a, b) => a - b)}
          value={durations}
          onChange={setDurations}
          label={(d) => t("seconds", { seconds: d })}
        />
      </div>
      <fieldset className={fieldset}>
        <legend className="px-1 text-sm font-medium">{t("prompts", { max: MAX_PROMPT_VARIANTS })}</legend>
        <p className="text-sm">
          <span className="font-medium">{t("promptN", { n: 1 })}</span> {t("fromForm")}{" "}
          <q className="text-zinc-600 dark:text-zinc-400">{base.prompt.trim() || "…"}</q>
        </p>
        {extra.map((p, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: prompt variants are edited in place, never reordered
          <div key={i} className="flex items-start gap-2">
            <textarea
              rows={2}
              value={p}
              aria-label={t("promptN", { n: i + 2 })}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setExtra((list) => list.map((x, j) => (j === i ? value : x)));
              }}
              className="w-full rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900"
            />
            <button
              type="button"
              className={button}
              aria-label={t("removePrompt", { n: i + 2 })}
              onClick={() => setExtra((list) => list.filter((_, j) => j !== i))}
            >
              ×
            </button>
          </div>
        ))}
        {extra.length < MAX_PROMPT_VARIANTS - 1 && (
          <button type="button" className={button} onClick={() => setExtra((list) => [...list, list.at(-1) ?? base.prompt])}>
            {t("addPrompt")}
          </button>
        )}
      </fieldset>

      <div role="status" aria-label={t("planLabel")} className="rounded-lg bg-zinc-50 p-3 text-sm dark:bg-zinc-900">
        <p className="font-medium">
          {t("plan", { tasks: plan.tasks.length, seconds: plan.seconds })}
          {plan.editTasks > 0 && ` ${t("planEdit", { count: plan.editTasks })}`}
          {cost && ` ${t("cost", { cost: format.number(cost.amount, { style: "currency", currency: cost.currency }) })}`}
        </p>
        {!cost && <p className="text-zinc-600 dark:text-zinc-400">{t("noPrice")}</p>}
        {plan.leftOut.length > 0 && (
          <>
            <p className="mt-2">{t("leftOutTitle", { count: plan.leftOut.length })}</p>
            <ul className="list-disc pl-5">
              {leftOutLines.map(({ line, count }) => (
                <li key={line}>
                  {line}
                  {count > 1 && ` (×${count})`}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <button
        type="button"
        onClick={start}
        disabled={running || plan.tasks.length === 0}
        className="rounded-lg bg-amber-500 px-4 py-2 text-sm font-semibold text-zinc-950 hover:bg-amber-400 disabled:cursor-not-allowed disabled:bg-zinc-200 disabled:text-zinc-600 dark:disabled:bg-zinc-800 dark:disabled:text-zinc-400"
      >
        {t("run", { tasks: plan.tasks.length })}
      </button>
      {batch && <VariantRunner key={batch[0]?.id} items={batch} simulate={simulate} idempotent={idempotent} onEnd={onEnd} />}
      {saveError && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {saveError}
        </p>
      )}
    </section>
  );
}
