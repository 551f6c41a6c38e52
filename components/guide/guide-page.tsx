import { EmbedButton } from "@/components/embed/embed-button";
import { ErrorsTable } from "@/components/guide/errors-table";
import { Examples } from "@/components/guide/examples";
import { Faq } from "@/components/guide/faq";
import { ParamsTables } from "@/components/guide/params-tables";
import { Bullets, Section } from "@/components/guide/section";
import { SiteHeader } from "@/components/guide/site-header";
import { Playground } from "@/components/playground/playground";
import { guideEmbedPath } from "@/lib/guide/paths";
import { formStateFromSearchParams } from "@/lib/handoff/url-state";
import { format, type Locale, localePath, messagesFor, validationSay } from "@/lib/i18n";
import { findModel } from "@/lib/models/registry";
import { shippedRecordingModes } from "@/lib/recordings/shipped";
import type { ModelSpec } from "@/lib/spec/model-spec";
import { upstreamSummary } from "@/lib/upstream/summary";

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * One model's guide: every text and table comes from its spec (the shared words from messages/*.json).
 * `path` is the page's own path without the language prefix (`""` for the home guide).
 */
export function GuidePage({
  spec,
  locale,
  searchParams,
  path,
}: {
  spec: ModelSpec;
  locale: Locale;
  searchParams: SearchParams;
  path: string;
}) {
  // A shared link's configuration, held to the same schema as an import.
  const link = formStateFromSearchParams(spec, searchParams, validationSay(locale));
  const t = messagesFor(locale);
  const texts = spec.texts[locale];
  const related = spec.related.map((id) => findModel(id)).filter((m) => m !== undefined);
  const s = t.guide.sections;
  const sections = ["summary", "capabilities", "usage", "howItWorks", "playground", "examples", "parameters", "errors", "faq"] as const;
  const sectionTitle = (id: (typeof sections)[number]) => (id === "usage" ? `${s.whenToUse} / ${s.whenNotToUse}` : s[id]);
  return (
    <main className="mx-auto max-w-7xl px-4 py-8 sm:px-6 lg:px-8">
      <SiteHeader locale={locale} t={t} path={path} />
      <header className="mb-8">
        <p className="text-sm font-medium text-amber-700 dark:text-amber-400">{t.guide.eyebrow}</p>
        <h1 className="mt-1 text-3xl font-semibold tracking-tight">{format(t.guide.title, { model: spec.name })}</h1>
        <nav aria-label={t.nav.contents} className="mt-4">
          <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
            {sections.map((id) => (
              <li key={id}>
                <a href={`#${id}`} className="text-amber-700 hover:underline dark:text-amber-400">
                  {sectionTitle(id)}
                </a>
              </li>
            ))}
            {related.length > 0 && (
              <li>
                <a href="#related" className="text-amber-700 hover:underline dark:text-amber-400">
                  {s.related}
                </a>
              </li>
            )}
            <li>
              <a href="/api/openapi.json" className="text-amber-700 hover:underline dark:text-amber-400">
                {t.nav.openapi}
              </a>
            </li>
            <li>
              <a href={guideEmbedPath(spec, locale)} className="text-amber-700 hover:underline dark:text-amber-400">
                {t.nav.embed}
              </a>
            </li>
          </ul>
        </nav>
      </header>

      <div className="space-y-12">
        <Section id="summary" title={s.summary}>
          <Bullets items={texts.summary} />
        </Section>

        <Section id="capabilities" title={s.capabilities}>
          <ul className="grid grid-cols-1 gap-4 md:grid-cols-3">
            {texts.capabilities.map((c) => (
              <li key={c.title} className="rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
                <h3 className="font-semibold">{c.title}</h3>
                <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">{c.text}</p>
              </li>
            ))}
          </ul>
        </Section>

        <section id="usage" className="grid scroll-mt-6 grid-cols-1 gap-8 md:grid-cols-2" aria-label={sectionTitle("usage")}>
          <Section id="when-to-use" title={s.whenToUse}>
            <Bullets items={texts.whenToUse} />
          </Section>
          <Section id="when-not-to-use" title={s.whenNotToUse}>
            <Bullets items={texts.whenNotToUse} />
          </Section>
        </section>

        <Section id="howItWorks" title={s.howItWorks}>
          <Bullets items={texts.howItWorks} />
        </Section>

        <Section id="playground" title={s.playground}>
          <Playground
            locale={locale}
            spec={spec}
            upstream={upstreamSummary(spec)}
            initialState={link.state}
            linkIssues={link.issues}
            toolbar={<EmbedButton labels={{ ...t.embed, themes: t.nav.themes }} />}
            recordingModes={shippedRecordingModes(spec)}
          />
        </Section>

        <Section id="examples" title={s.examples} below>
          <Examples spec={spec} t={t} />
        </Section>

        <Section id="parameters" title={s.parameters} below>
          <ParamsTables spec={spec} t={t} locale={locale} />
        </Section>

        <Section id="errors" title={s.errors} below>
          <ErrorsTable spec={spec} t={t} locale={locale} />
        </Section>

        <Section id="faq" title={s.faq} below>
          <Faq items={texts.faq} />
        </Section>

        {related.length > 0 && (
          <Section id="related" title={s.related} below>
            <ul className="grid grid-cols-1 gap-4 md:grid-cols-2">
              {related.map((m) => (
                <li key={m.id} className="rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
                  <a
                    href={localePath(locale, `/models/${m.id}`)}
                    className="font-semibold text-amber-700 hover:underline dark:text-amber-400"
                  >
                    {m.name}
                  </a>
                  <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">{m.texts[locale].tagline}</p>
                </li>
              ))}
            </ul>
          </Section>
        )}
      </div>
      <footer className="mt-12 border-t border-zinc-200 pt-4 text-sm text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
        {t.footer.openapi}{" "}
        <a href="/api/openapi.json" className="font-mono text-amber-700 hover:underline dark:text-amber-400">
          /api/openapi.json
        </a>
      </footer>
    </main>
  );
}
