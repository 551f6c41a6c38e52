/**
 * Variants: one idea as several tasks. The form's values are the base; each chosen axis (models, modes,
 * aspect ratios, durations, prompts) multiplies them. Every combination is checked against its model's
 * spec before anything is sent: a mode the model lacks, a value it does not allow, a field the mode does
 * not send, a cross-field rule, or any other refusal of the spec's schema leaves the variant out, with the
 * reason. Only the requests the schema accepts are planned, at most MAX_VARIANT_TASKS of them (the
 * comparison shows that many side by side).
 */
import type { ModeId } from "@/lib/spec/contract";
import type { FormState } from "@/lib/spec/form-state";
import { allowedValues, brokenRules, fieldsOf, hasMode, type ModelSpec, ruleText } from "@/lib/spec/model-spec";
import { type CreateTaskRequest, schemasFor, toCreateRequest, toFieldIssues } from "@/lib/spec/schema";
import { englishSay, type Say } from "@/lib/spec/validation-words";

/** The comparison holds four videos under one set of controls. */
export const MAX_VARIANT_TASKS = 4;
export const MAX_PROMPT_VARIANTS = 4;

export type VariantAxes = {
  models?: readonly string[];
  modes?: readonly ModeId[];
  aspect_ratio?: readonly string[];
  duration?: readonly number[];
  prompts?: readonly string[];
};

/** What makes one variant: the values the axes gave it. */
export type VariantKey = { model: string; mode: ModeId; aspect_ratio: string; duration: number; prompt: string };

export type LeftOut =
  | { kind: "no-mode"; key: VariantKey }
  | { kind: "not-allowed"; key: VariantKey; field: "aspect_ratio" | "duration"; allowed: string }
  | { kind: "field-not-sent"; key: VariantKey; field: "duration"; same: number }
  | { kind: "duplicate"; key: VariantKey }
  | { kind: "unavailable"; key: VariantKey; reason: string }
  | { kind: "rule"; key: VariantKey; rule: string }
  | { kind: "invalid"; key: VariantKey; param: string; message: string }
  | { kind: "too-many"; key: VariantKey };

export type PlannedVariant = { key: VariantKey; request: CreateTaskRequest };

export type VariantPlan = {
  tasks: PlannedVariant[];
  leftOut: LeftOut[];
  /** Seconds of video the planned tasks ask for (Video Edit tasks follow their source and are counted apart). */
  seconds: number;
  /** Planned Video Edit tasks, whose length is the source's. */
  editTasks: number;
};

function product<T>(lists: readonly (readonly T[])[]): T[][] {
  return lists.reduce<T[][]>((acc, list) => acc.flatMap((prefix) => list.map((x) => [...prefix, x])), [[]]);
}

const pick = <T>(chosen: readonly T[] | undefined, current: T): readonly T[] => (chosen?.length ? chosen : [current]);

/**
 * Plans the tasks for `axes` over the form's `base` values. `specs` are the models that may be chosen
 * (the current one first); `unavailable` the modes the configured upstream cannot do, with its reason;
 * `say` words the schema's refusals (the page's language; the API's English by default).
 */
export function planVariants(
  base: FormState,
  current: ModelSpec,
  specs: readonly ModelSpec[],
  axes: VariantAxes,
  unavailable: Partial<Record<ModeId, string>> = {},
  say: Say = englishSay,
): VariantPlan {
  // The same prompt twice is one variant, not two.
  const prompts = pick([...new Set(axes.prompts?.map((p) => p.trim()).filter(Boolean))], base.prompt);
  const combos = product<string | number>([
    pick(axes.models, current.id),
    pick(axes.modes, base.mode),
    pick(axes.aspect_ratio, base.aspect_ratio),
    pick(axes.duration, base.duration),
    prompts,
  ]);
  const tasks: PlannedVariant[] = [];
  const leftOut: LeftOut[] = [];
  const seen = new Map<string, VariantKey>();
  for (const [model, mode, aspect_ratio, duration, prompt] of combos) {
    const key = { model, mode, aspect_ratio, duration, prompt } as VariantKey;
    const spec = specs.find((s) => s.id === key.model);
    if (!spec || !hasMode(spec, key.mode)) {
      leftOut.push({ kind: "no-mode", key });
      continue;
    }
    if (unavailable[key.mode]) {
      leftOut.push({ kind: "unavailable", key, reason: unavailable[key.mode]! });
      continue;
    }
    const fields = fieldsOf(spec, key.mode);
    if (!allowedValues(spec, "aspect_ratio").includes(key.aspect_ratio)) {
      leftOut.push({ kind: "not-allowed", key, field: "aspect_ratio", allowed: allowedValues(spec, "aspect_ratio").join(", ") });
      continue;
    }
    if (fields.includes("duration") && !allowedValues(spec, "duration").includes(key.duration)) {
      leftOut.push({ kind: "not-allowed", key, field: "duration", allowed: allowedValues(spec, "duration").join(", ") });
      continue;
    }
    const state: FormState = { ...base, mode: key.mode, aspect_ratio: key.aspect_ratio, duration: key.duration, prompt: key.prompt };
    // A resolution the other model lacks falls back to that model's default (the form's own value is kept for its own model).
    if (!allowedValues(spec, "resolution").includes(state.resolution)) state.resolution = spec.defaults.resolution;
    const request = toCreateRequest(spec, state);
    const broken = brokenRules(spec, request.input);
    if (broken.length) {
      leftOut.push({ kind: "rule", key, rule: ruleText(broken[0], say) });
      continue;
    }
    const checked = schemasFor(spec, say).createTaskRequest.safeParse(request);
    if (!checked.success) {
      const [issue] = toFieldIssues(checked.error);
      leftOut.push({ kind: "invalid", key, param: issue.param, message: issue.message });
      continue;
    }
    const value = checked.data as CreateTaskRequest;
    const id = JSON.stringify(value);
    const same = seen.get(id);
    if (same) {
      // A field the mode does not send (duration in Video Edit) makes two combinations one request.
      if (!fields.includes("duration") && same.duration !== key.duration)
        leftOut.push({ kind: "field-not-sent", key, field: "duration", same: same.duration });
      else leftOut.push({ kind: "duplicate", key });
      continue;
    }
    seen.set(id, key);
    if (tasks.length >= MAX_VARIANT_TASKS) {
      leftOut.push({ kind: "too-many", key });
      continue;
    }
    tasks.push({ key, request: value });
  }
  const seconds = tasks.reduce((sum, t) => sum + (t.request.input.duration ?? 0), 0);
  const editTasks = tasks.filter((t) => t.request.input.duration === undefined).length;
  return { tasks, leftOut, seconds, editTasks };
}

/** The cost of `seconds` at the deployment's price, when it sets one. */
export function costOf(seconds: number, price: { perSecond: number; currency: string } | undefined) {
  return price ? { amount: Math.round(seconds * price.perSecond * 100) / 100, currency: price.currency } : undefined;
}
