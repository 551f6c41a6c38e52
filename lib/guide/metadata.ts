import type { Metadata } from "next";
import { format, LOCALES, type Locale, localePath, messagesFor } from "@/lib/i18n";
import { DEFAULT_MODEL } from "@/lib/models/registry";
import type { ModelSpec } from "@/lib/spec/model-spec";

/**
 * A guide's title, description and language alternates. The default model's guide answers at `/` and at
 * `/models/{id}`: the latter is canonical.
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
    },
  };
}
