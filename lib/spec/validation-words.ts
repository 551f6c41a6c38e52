/**
 * The words of validation messages, as templates with `{name}` placeholders (valid ICU). The API answers
 * in English, these words (they are the contract's); the form shows the same messages in the page's
 * language: its schemas are built with a `Say` that translates the same keys from the `validation`
 * namespace (English: these templates, merged into the catalogue by lib/i18n; Russian: messages/ru.json).
 * Values are passed as strings, so English reads the same through either path (a unit test checks it).
 */
export const VALIDATION_EN = {
  aspectRatio: "aspect_ratio must be {allowed}.",
  duration: "duration must be {allowed} (seconds).",
  imageRequired: "Image-to-Video needs exactly 1 image (the first frame): upload one or give an https URL.",
  mediaUrl: "{field} must be an https:// URL (plain http is accepted only for localhost).",
  mode: "mode must be one of {allowed}.",
  model: 'model must be "{model}".',
  or: "or",
  panels: "panels must be a comma-separated list of {allowed}.",
  promptRequired: "prompt is required: describe the subject, action, scene and style (1–{max} characters).",
  promptTooLong: "prompt is {count} characters; the limit is {max} characters.",
  referencesNone: "R2V needs reference images: add {allowed}.",
  referencesOther: "R2V takes {allowed} reference images, not {count}.",
  referencesTwo: "R2V takes {allowed} reference images, not 2: the backend refuses two references. Add a third or remove one.",
  resolution: "resolution must be {allowed}.",
  rule: "{when} {whenValues} is allowed only with {allow} {allowValues}.",
  theme: "theme must be {allowed}.",
  taskId: "task_id must be 1–128 letters, digits, underscores or hyphens.",
  videoRequired: "Video Edit needs exactly 1 source video: upload one or give an https URL.",
} as const;

export type ValidationKey = keyof typeof VALIDATION_EN;
export type ValidationTexts = Record<ValidationKey, string>;

/** Says a validation message: a key of VALIDATION_EN and its values, in some language. */
export type Say = (key: ValidationKey, values?: Record<string, string>) => string;

/** The contract's own words: English, what the API answers with. */
export const englishSay: Say = (key, values = {}) =>
  VALIDATION_EN[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? values[name] : whole));

/** `6, 8 or 10` in the language of `say`. */
export function sayList(say: Say, values: readonly (string | number)[]): string {
  const items = values.map(String);
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} ${say("or")} ${items[items.length - 1]}`;
}
