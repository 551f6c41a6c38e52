import { ThemeSwitch } from "@/components/theme/theme-switch";
import { LOCALES, type Locale, type Messages } from "@/lib/i18n";

/** The language switch (plain links: a language change is a new document with its own `lang`) and the theme switch. */
export function SiteHeader({ locale, t }: { locale: Locale; t: Messages }) {
  return (
    <div className="mb-6 flex flex-wrap items-center justify-end gap-3">
      <nav aria-label={t.nav.language}>
        <ul className="flex gap-1 text-sm">
          {LOCALES.map((l) => (
            <li key={l.code}>
              <a
                href={l.path}
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
