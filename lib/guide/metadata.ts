import type { Metadata } from "next";
import { format, LOCALES, type Locale, localePath, messagesFor } from "@/lib/i18n";
import { DEFAULT_MODEL } from "@/lib/models/registry";
import type { ModelSpec } from "@/lib/spec/model-spec";
import { guideMarkdownPath } from "./paths";

/**
 * A guide's title, description, language alternates and its Markdown version (`<link rel="alternate"
 * type="text/markdown">`). The default model's guide answers at `/` and at `/models/{id}`: the latter is
 * canonical, and its Markdown is the home guide's too.
 */
export function guideMetadata(spec: ModelSpec, locale: Locale, path: string): Metadata {
  const t = messagesFor(locale).meta;
  const own = `/models/${spec.id}`;
  return {
    title: format(t.title, { model: spec.name }),
    description: format(t.description, { model: spec.name }),
    alternates: {
      canonical: spec.id === DEFAULT_MODEL.id && path === "" ? localePath(locale, own) : localePath(locale, path),
      languages: Object.fromEntries(LOCALES.map((l) => [l.code, localePath(l.code, path)])),
      types: { "text/markdown": guideMarkdownPath(spec, locale) },
    },
  };
}
