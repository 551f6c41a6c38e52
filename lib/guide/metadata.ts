import type { Metadata } from "next";
import { headers } from "next/headers";
import { format, LOCALES, type Locale, localePath, messagesFor } from "@/lib/i18n";
import { DEFAULT_MODEL } from "@/lib/models/registry";
import type { ModelSpec } from "@/lib/spec/model-spec";

/**
 * A guide's title, description and language alternates. The default model's guide answers at `/` and at
 * `/models/{id}`: the latter is canonical. Links are absolute (hreflang alternates must be), on the
 * origin the page was asked at (proxy.ts: `x-page-origin`; a kept page gets it stamped per response);
 * `x-default` is the English page.
 */
export async function guideMetadata(spec: ModelSpec, locale: Locale, path: string): Promise<Metadata> {
  const origin = (await headers()).get("x-page-origin");
  const t = messagesFor(locale).meta;
  const own = `/models/${spec.id}`;
  return {
    ...(origin ? { metadataBase: new URL(origin) } : {}),
    title: format(t.title, { model: spec.name }),
    description: format(t.description, { model: spec.name }),
    alternates: {
      canonical: spec.id === DEFAULT_MODEL.id && path === "" ? localePath(locale, own) : localePath(locale, path),
      languages: { ...Object.fromEntries(LOCALES.map((l) => [l.code, localePath(l.code, path)])), "x-default": localePath("en", path) },
    },
  };
}
