/**
 * What a model is, as data: the `ModelSpec` type and the functions every derived thing reads it through.
 * A spec is plain JSON-like data (no functions), so a server component can hand it to the browser as a
 * prop. The specs themselves live in lib/models/, one file each, listed in lib/models/registry.ts.
 */

import {
  allowedList,
  CONTRACT_MODES,
  type FieldName,
  IMAGE_LIMITS,
  type MediaField,
  type ModeId,
  mib,
  PROMPT_MAX_CHARS,
  VIDEO_LIMITS,
} from "./contract";
import { englishSay, type Say, sayList } from "./validation-words";

/** A scalar field that a cross-field rule can speak of. */
export type RuleField = "aspect_ratio" | "duration" | "resolution";

/**
 * A rule between two fields, checked as you type and by the server alike: when `when.field` has one of
 * `when.values`, `allow.field` may have only one of `allow.values` (e.g. 1080P only with 16:9).
 */
export type CrossFieldRule = {
  when: { field: RuleField; values: readonly (string | number)[] };
  allow: { field: RuleField; values: readonly (string | number)[] };
};

export type Frame = { width: number; height: number };

/** A model's user-facing texts in one language. */
export type ModelTexts = {
  /** One line for the catalog. */
  tagline: string;
  summary: readonly string[];
  capabilities: readonly { title: string; text: string }[];
  whenToUse: readonly string[];
  whenNotToUse: readonly string[];
  howItWorks: readonly string[];
  /** Each field's description in the guide's table and the OpenAPI document. */
  fields: Readonly<Record<FieldName, string>>;
  faq: readonly { q: string; a: string }[];
};

export type SpecLocale = "en" | "ru";

export type ModelSpec = {
  /** The id in URLs and in the body's `model`. */
  id: string;
  name: string;
  /** The upstream's id for this model, per dialect; a deployment overrides it with MODEL_UPSTREAM_IDS. */
  upstreamId: { readonly "task-contract": string; readonly "generation-task": string };
  /** The modes the model offers, in tab order, and the input fields each sends (a per-mode rule lives here). */
  modes: readonly { id: ModeId; fields: readonly FieldName[] }[];
  aspectRatios: readonly string[];
  durations: readonly number[];
  /** Each resolution with its frame size per aspect ratio. */
  resolutions: readonly { value: string; frames: Readonly<Record<string, Frame>> }[];
  defaults: { readonly aspect_ratio: string; readonly duration: number; readonly resolution: string };
  /** R2V's allowed numbers of reference images. */
  referenceCounts: readonly number[];
  rules: readonly CrossFieldRule[];
  /** Ids of other models whose guides this one links. */
  related: readonly string[];
  texts: Readonly<Record<SpecLocale, ModelTexts>>;
};

/** The fields `mode` sends for this model, in form order. */
export function fieldsOf(spec: ModelSpec, mode: ModeId): readonly FieldName[] {
  const m = spec.modes.find((x) => x.id === mode);
  if (!m) throw new Error(`${spec.id} has no mode ${mode}.`);
  return m.fields;
}

export function hasMode(spec: ModelSpec, mode: string): mode is ModeId {
  return spec.modes.some((m) => m.id === mode);
}

export function modeIdsOf(spec: ModelSpec): [ModeId, ...ModeId[]] {
  return spec.modes.map((m) => m.id) as [ModeId, ...ModeId[]];
}

/** The media field of a mode (`image_url`, …), or null for Text-to-Video. */
export function mediaFieldOf(mode: ModeId): MediaField | null {
  return CONTRACT_MODES.find((m) => m.id === mode)!.media;
}

/** The frame a request renders at, or null when the spec has no such combination. */
export function frameSize(spec: ModelSpec, aspect: string, resolution: string = spec.defaults.resolution): Frame | null {
  return spec.resolutions.find((r) => r.value === resolution)?.frames[aspect] ?? null;
}

/** The values a rule-free field allows. */
export function allowedValues(spec: ModelSpec, field: RuleField): readonly (string | number)[] {
  if (field === "aspect_ratio") return spec.aspectRatios;
  if (field === "duration") return spec.durations;
  return spec.resolutions.map((r) => r.value);
}

/** The rule's words: `resolution 1080P is allowed only with aspect_ratio 16:9.` */
export function ruleText(rule: CrossFieldRule, say: Say = englishSay): string {
  return say("rule", {
    when: rule.when.field,
    whenValues: sayList(say, rule.when.values),
    allow: rule.allow.field,
    allowValues: sayList(say, rule.allow.values),
  });
}

/** The rules a pair of values breaks, given the input's values. */
export function brokenRules(spec: ModelSpec, input: Partial<Record<RuleField, unknown>>): CrossFieldRule[] {
  return spec.rules.filter((rule) => {
    const when = input[rule.when.field];
    const then = input[rule.allow.field];
    return (
      when !== undefined && then !== undefined && rule.when.values.includes(when as never) && !rule.allow.values.includes(then as never)
    );
  });
}

export type SpecMessages = ReturnType<typeof buildMessages>;

function buildMessages(spec: ModelSpec, say: Say) {
  const modes = modeIdsOf(spec);
  const counts = sayList(say, spec.referenceCounts);
  return {
    model: say("model", { model: spec.id }),
    mode: say("mode", { allowed: sayList(say, modes) }),
    promptRequired: say("promptRequired", { max: String(PROMPT_MAX_CHARS) }),
    aspectRatio: say("aspectRatio", { allowed: sayList(say, spec.aspectRatios) }),
    duration: say("duration", { allowed: sayList(say, spec.durations) }),
    resolution: say("resolution", { allowed: sayList(say, allowedValues(spec, "resolution")) }),
    referencesNone: say("referencesNone", { allowed: counts }),
    referencesTwo: say("referencesTwo", { allowed: counts }),
    referencesOther: (count: number) => say("referencesOther", { allowed: counts, count: String(count) }),
  };
}

const messageCache = new WeakMap<ModelSpec, Map<Say, SpecMessages>>();

/** The spec's validation messages in the words of `say` (English by default); the schemas, the form and the docs use these words. */
export function specMessages(spec: ModelSpec, say: Say = englishSay): SpecMessages {
  let bySay = messageCache.get(spec);
  if (!bySay) {
    bySay = new Map();
    messageCache.set(spec, bySay);
  }
  const kept = bySay.get(say);
  if (kept) return kept;
  const built = buildMessages(spec, say);
  bySay.set(say, built);
  return built;
}

export function promptTooLong(count: number, say: Say = englishSay): string {
  return say("promptTooLong", { count: String(count), max: String(PROMPT_MAX_CHARS) });
}

export function referencesCountMessage(spec: ModelSpec, count: number, say: Say = englishSay): string {
  const m = specMessages(spec, say);
  return count === 2 && !spec.referenceCounts.includes(2) ? m.referencesTwo : count === 0 ? m.referencesNone : m.referencesOther(count);
}

/** The guide's "allowed" words for a field of this model. */
export function allowedWords(spec: ModelSpec, field: FieldName): string {
  switch (field) {
    case "prompt":
      return `1–${PROMPT_MAX_CHARS} characters after trimming`;
    case "aspect_ratio":
    case "resolution":
      return allowedList(allowedValues(spec, field));
    case "duration":
      return `${allowedList(spec.durations)} (seconds)`;
    case "image_url":
      return `1 ${IMAGE_LIMITS.label} image, ≤ ${mib(IMAGE_LIMITS.maxBytes)}`;
    case "reference_image_urls":
      return `${allowedList(spec.referenceCounts)} ${IMAGE_LIMITS.label} images, ≤ ${mib(IMAGE_LIMITS.maxBytes)} each`;
    case "video_url":
      return `1 ${VIDEO_LIMITS.label} video, ≤ ${mib(VIDEO_LIMITS.maxBytes)}`;
  }
}

/** The fields a cross-field rule ties to `field`: re-checked whenever `field` changes. */
export function ruleDeps(spec: ModelSpec, field: RuleField): RuleField[] {
  const deps = spec.rules.flatMap((r) => (r.when.field === field ? [r.allow.field] : r.allow.field === field ? [r.when.field] : []));
  return [...new Set(deps)];
}
