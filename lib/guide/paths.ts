/**
 * Where a model's guide lives, as HTML and as Markdown, in each language. The home guide (`/`, `/ru`) is
 * the default model's guide under another address; its canonical URL, and so its one Markdown version,
 * is the model's own (`/models/{id}` → `/models/{id}.md`), so every guide has exactly one Markdown URL.
 */
import { embedPath } from "@/lib/embed/snippet";
import { DEFAULT_LOCALE, type Locale, localePath } from "@/lib/i18n";
import type { ModelSpec } from "@/lib/spec/model-spec";

/** `/models/{id}` or `/ru/models/{id}`. */
export function guidePath(spec: ModelSpec, locale: Locale = "en"): string {
  return localePath(locale, `/models/${spec.id}`);
}

/** The same guide as Markdown: its path plus `.md` (next.config.ts rewrites it to app/markdown/). */
export function guideMarkdownPath(spec: ModelSpec, locale: Locale = "en"): string {
  return `${guidePath(spec, locale)}.md`;
}

/** The model's embed in the page's language: `/embed/{id}`, or `/embed/{id}?lang=ru` (the embed's own `lang`). */
export function guideEmbedPath(spec: Pick<ModelSpec, "id">, locale: Locale = DEFAULT_LOCALE): string {
  return locale === DEFAULT_LOCALE ? embedPath(spec.id) : `${embedPath(spec.id)}?lang=${locale}`;
}

export const LLMS_TXT_PATH = "/llms.txt";
export const OPENAPI_PATH = "/api/openapi.json";

/** The id of an error table row on the guide page (components/guide/reference-tables.tsx): `error-{type}`. */
export function errorAnchor(type: string): string {
  return `error-${type}`;
}
