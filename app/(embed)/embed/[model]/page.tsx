import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { EmbedFrameBridge } from "@/components/embed/embed-frame-bridge";
import { PresetNotes } from "@/components/embed/preset-notes";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Playground } from "@/components/playground/playground";
import { allowedEmbedOrigins } from "@/lib/embed/origins";
import { parseEmbedPreset } from "@/lib/embed/preset";
import { DEFAULT_LOCALE, isLocale, type Locale, validationSay } from "@/lib/i18n";
import { findModel } from "@/lib/models/registry";
import { upstreamSummary } from "@/lib/upstream/summary";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ model: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const spec = findModel((await params).model);
  if (!spec) return {};
  const locale = embedLocale((await searchParams).lang);
  const t = await getTranslations({ locale, namespace: "playground" });
  return { title: `${spec.name} · ${t("title")}`, description: `${spec.name}: ${spec.texts[locale].tagline}` };
}

/** One model's playground alone, preset from the query string, for other sites to frame. */
export default async function EmbedPage({ params, searchParams }: Props) {
  const spec = findModel((await params).model);
  if (!spec) notFound();
  const query = await searchParams;
  const locale = embedLocale(query.lang);
  setRequestLocale(locale);
  const preset = parseEmbedPreset(spec, query, validationSay(locale));
  return (
    <ClientMessages locale={locale}>
      <EmbedFrameBridge allowedOrigins={allowedEmbedOrigins()}>
        <main className="p-3" lang={locale}>
          <h1 className="sr-only">{`${spec.name} · ${(await getTranslations({ locale, namespace: "playground" }))("title")}`}</h1>
          <PresetNotes notes={preset.notes} locale={locale} />
          <Playground locale={locale} spec={spec} upstream={upstreamSummary(spec)} initialValues={preset.values} panels={preset.panels} />
        </main>
      </EmbedFrameBridge>
    </ClientMessages>
  );
}

/** `?lang=ru`: the embed's language (English when absent or unknown). */
function embedLocale(lang: string | string[] | undefined): Locale {
  return typeof lang === "string" && isLocale(lang) ? lang : DEFAULT_LOCALE;
}
