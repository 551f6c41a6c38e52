import { LanguageLinks } from "@/components/guide/language-links";
import { ThemeSwitch } from "@/components/theme/theme-switch";
import { LOCALES, type Locale, localePath, type Messages } from "@/lib/i18n";

/**
 * A link to the catalog, the language switch (links to the same page in each language, which carry the
 * playground's state along: language-links.tsx) and the theme switch. `path` is the page's path without
 * the language prefix (`""` for the default guide, `/models/…`).
 */
export function SiteHeader({ locale, t, path }: { locale: Locale; t: Messages; path: string }) {
  return (
    <div className="mb-6 flex flex-wrap items-center justify-end gap-3">
      {path !== "/models" && (
        <a href={localePath(locale, "/models")} className="mr-auto text-sm text-amber-700 hover:underline dark:text-amber-400">
          {t.nav.catalog}
        </a>
      )}
      <LanguageLinks
        locale={locale}
        label={t.nav.language}
        languages={LOCALES.map((l) => ({ code: l.code, name: l.name, href: localePath(l.code, path) }))}
      />
      <ThemeSwitch legend={t.nav.theme} labels={t.nav.themes} />
    </div>
  );
}
