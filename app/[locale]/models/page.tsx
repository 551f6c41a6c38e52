import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SiteHeader } from "@/components/guide/site-header";
import { guideEmbedPath } from "@/lib/guide/paths";
import { isLocale, LOCALES, localePath, messagesFor } from "@/lib/i18n";
import { MODELS } from "@/lib/models/registry";
import { modeLabel } from "@/lib/spec/contract";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = messagesFor(locale).catalog;
  return {
    title: t.metaTitle,
    description: t.metaDescription,
    alternates: {
      canonical: localePath(locale, "/models"),
      languages: Object.fromEntries(LOCALES.map((l) => [l.code, localePath(l.code, "/models")])),
    },
  };
}

/** `/models` and `/ru/models`: every model of the registry, with links to its guide, embed and OpenAPI. */
export default async function Catalog({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const t = messagesFor(locale);
  const link = "text-amber-700 hover:underline dark:text-amber-400";
  return (
    <main className="mx-auto max-w-5xl px-4 py-8 sm:px-6 lg:px-8">
      <SiteHeader locale={locale} t={t} path="/models" />
      <h1 className="text-3xl font-semibold tracking-tight">{t.catalog.title}</h1>
      <p className="mt-2 max-w-3xl text-zinc-700 dark:text-zinc-300">{t.catalog.intro}</p>
      <ul className="mt-8 grid grid-cols-1 gap-4 md:grid-cols-2">
        {MODELS.map((m) => (
          <li key={m.id} className="rounded-xl border border-zinc-200 p-5 dark:border-zinc-800">
            <h2 className="text-xl font-semibold">
              <a href={localePath(locale, `/models/${m.id}`)} className={link}>
                {m.name}
              </a>
            </h2>
            <p className="mt-1 text-zinc-700 dark:text-zinc-300">{m.texts[locale].tagline}</p>
            <p className="mt-3 text-sm text-zinc-600 dark:text-zinc-400">
              {t.catalog.modes}: {m.modes.map((mode) => modeLabel(mode.id)).join(", ")}
            </p>
            <p className="mt-3 flex gap-4 text-sm">
              <a href={localePath(locale, `/models/${m.id}`)} className={link} aria-label={`${t.catalog.guide}: ${m.name}`}>
                {t.catalog.guide}
              </a>
              <a href={guideEmbedPath(m, locale)} className={link} aria-label={`${t.catalog.embed}: ${m.name}`}>
                {t.catalog.embed}
              </a>
              <a href="/api/openapi.json" className={link} aria-label={`${t.catalog.openapi}: ${m.name}`}>
                {t.catalog.openapi}
              </a>
            </p>
          </li>
        ))}
      </ul>
    </main>
  );
}
