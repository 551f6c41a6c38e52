import { ThemeSwitch } from "@/components/theme/theme-switch";
import { LOCALES, type Locale, localePath, type Messages } from "@/lib/i18n";

/**
 * A link to the catalog, the language switch (plain links to the same page in each language: a language
 * change is a new document with its own `lang`) and the theme switch. `path` is the page's path without
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
      <nav aria-label={t.nav.language}>
        <ul className="flex gap-1 text-sm">
          {LOCALES.map((l) => (
            <li key={l.code}>
              <a
                href={localePath(l.code, path)}
                hrefLang={l.code}
                lang={l.code}
                aria-current={l.code === locale ? "page" : undefined}
                className="rounded-md px-2 py-1 text-zinc-600 hover:text-zinc-900 aria-[current=page]:bg-zinc-100 aria-[current=page]:font-medium aria-[current=page]:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100 dark:aria-[current=page]:bg-zinc-800 dark:aria-[current=page]:text-zinc-50"
              >
                {l.name}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <ThemeSwitch legend={t.nav.theme} labels={t.nav.themes} />
    </div>
  );
}
