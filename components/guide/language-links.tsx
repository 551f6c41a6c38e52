"use client";

import type { SyntheticEvent } from "react";

type Language = { code: string; name: string; href: string };

/**
 * The language switch: plain links to the same page in each language (a language change is a new document
 * with its own `lang`), which take the page's current query and fragment along when they are followed,
 * hovered or focused, so that what the reader typed into the playground (kept in the address bar) and the
 * task it watches are there in the other language too. Without JavaScript they lead to the page as it opens.
 */
export function LanguageLinks({ locale, languages, label }: { locale: string; languages: Language[]; label: string }) {
  const carry = (href: string) => (event: SyntheticEvent<HTMLAnchorElement>) => {
    event.currentTarget.href = `${href}${window.location.search}${window.location.hash}`;
  };
  return (
    <nav aria-label={label}>
      <ul className="flex gap-1 text-sm">
        {languages.map((l) => {
          const update = carry(l.href);
          return (
            <li key={l.code}>
              <a
                href={l.href}
                hrefLang={l.code}
                lang={l.code}
                aria-current={l.code === locale ? "page" : undefined}
                onClick={update}
                onAuxClick={update}
                onFocus={update}
                onPointerEnter={update}
                className="rounded-md px-2 py-1 text-zinc-600 hover:text-zinc-900 aria-[current=page]:bg-zinc-100 aria-[current=page]:font-medium aria-[current=page]:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100 dark:aria-[current=page]:bg-zinc-800 dark:aria-[current=page]:text-zinc-50"
              >
                {l.name}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
