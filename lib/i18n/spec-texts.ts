/**
 * The user-facing texts of the model spec, gathered into one shape that a translation mirrors. English
 * comes from the spec itself (never copied into a message file); other languages provide the same shape
 * under `spec` in their message file, and a unit test keeps the shapes equal.
 */
import { DOCS, ERRORS, FAQ, FIELDS, MODES, type ErrorType, type FieldName, type ModeId } from "@/lib/spec/nano-banana-2";

export type SpecTexts = {
  docs: {
    summary: string[];
    capabilities: { title: string; text: string }[];
    whenToUse: string[];
    whenNotToUse: string[];
    howItWorks: string[];
  };
  modes: Record<ModeId, { description: string }>;
  fields: Record<FieldName, { description: string }>;
  errors: Record<ErrorType, { trigger: string; fix: string; retry: string }>;
  faq: { q: string; a: string }[];
};

/** The spec's own (English) texts in the translatable shape. */
export function englishSpecTexts(): SpecTexts {
  return {
    docs: {
      summary: [...DOCS.summary],
      capabilities: DOCS.capabilities.map(({ title, text }) => ({ title, text })),
      whenToUse: [...DOCS.whenToUse],
      whenNotToUse: [...DOCS.whenNotToUse],
      howItWorks: [...DOCS.howItWorks],
    },
    modes: Object.fromEntries(MODES.map((m) => [m.id, { description: m.description }])) as SpecTexts["modes"],
    fields: Object.fromEntries(Object.entries(FIELDS).map(([name, f]) => [name, { description: f.description }])) as SpecTexts["fields"],
    errors: Object.fromEntries(ERRORS.map((e) => [e.type, { trigger: e.trigger, fix: e.fix, retry: e.retry }])) as SpecTexts["errors"],
    faq: FAQ.map(({ q, a }) => ({ q, a })),
  };
}

/** The shape of a value: keys and array lengths, with every string replaced by "string". */
export function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shapeOf);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, shapeOf(v)]));
  return typeof value;
}
