"use client";

import { useEffect, useState } from "react";
import { isThemeChoice, setTheme, THEMES, type ThemeChoice } from "@/lib/theme";

/** System / Light / Dark, remembered in this browser; the inline script applies it before paint on the next visit. */
export function ThemeSwitch({ legend, labels }: { legend: string; labels: Record<ThemeChoice, string> }) {
  const [choice, setChoice] = useState<ThemeChoice>("system");
  useEffect(() => {
    const current = document.documentElement.dataset.themeChoice;
    if (isThemeChoice(current)) setChoice(current);
  }, []);
  return (
    <fieldset className="flex items-center gap-1 rounded-lg bg-zinc-100 p-1 text-sm dark:bg-zinc-900">
      <legend className="sr-only">{legend}</legend>
      {THEMES.map((t) => (
        <label
          key={t}
          className="cursor-pointer rounded-md px-2 py-1 text-zinc-600 has-[:checked]:bg-white has-[:checked]:text-zinc-900 has-[:checked]:shadow-sm has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-amber-500 dark:text-zinc-400 dark:has-[:checked]:bg-zinc-800 dark:has-[:checked]:text-zinc-50"
        >
          <input
            type="radio"
            name="theme"
            value={t}
            checked={choice === t}
            onChange={() => {
              setChoice(t);
              setTheme(t);
            }}
            className="sr-only"
          />
          {labels[t]}
        </label>
      ))}
    </fieldset>
  );
}
