"use client";

import { useLocale } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { useSpec } from "@/components/playground/spec-context";
import { CopyButton } from "@/components/ui/copy-button";
import { embedQuery, PANELS, type PanelVisibility } from "@/lib/embed/preset";
import { embedPath, embedScriptSnippet, embedSnippet } from "@/lib/embed/snippet";
import { LOCALES } from "@/lib/i18n/locales";
import type { FormState } from "@/lib/spec/schema";
import { THEMES, type ThemeChoice } from "@/lib/theme";

export type EmbedLabels = {
  button: string;
  title: string;
  intro: string;
  theme: string;
  language: string;
  panels: string;
  panelNames: Record<(typeof PANELS)[number], string>;
  code: string;
  copy: string;
  fallback: string;
  fallbackCode: string;
  copyFallback: string;
  close: string;
  themes: Record<ThemeChoice, string>;
};

/**
 * The Embed dialog: the script tag (and, as a fallback, the iframe) for the playground's current configuration, with theme and panel
 * choices. Mounted by ./embed-button.tsx on the first click; each new `openCount` opens it again.
 */
export function EmbedDialog({ labels, openCount }: { labels: EmbedLabels; openCount: number }) {
  const spec = useSpec();
  const dialog = useRef<HTMLDialogElement>(null);
  const { control } = useFormContext<FormState>();
  const values = useWatch({ control }) as FormState;
  const [theme, setTheme] = useState<ThemeChoice>("system");
  const [panels, setPanels] = useState<PanelVisibility>({ form: true, output: true });
  const [origin, setOrigin] = useState("");
  const [lang, setLang] = useState<string>(useLocale());

  const { mode, prompt, duration, aspect_ratio, resolution } = values;
  const src =
    `${origin}${embedPath(spec.id)}?${embedQuery(spec, { values: { mode, prompt, duration, aspect_ratio, resolution }, theme, panels, lang })}`.replace(
      /\?$/,
      "",
    );
  // The script tag first (nothing else on the host page); the iframe and its listener where scripts from us cannot run.
  const code = origin ? embedScriptSnippet(src) : "";
  const fallback = origin ? embedSnippet(src, spec.name) : "";

  // biome-ignore lint/correctness/useExhaustiveDependencies: openCount is the trigger: every click on Embed opens the dialog again
  useEffect(() => {
    setOrigin(window.location.origin);
    if (!dialog.current?.open) dialog.current?.showModal();
  }, [openCount]);

  return (
    <dialog
      ref={dialog}
      aria-labelledby="embed-title"
      className="m-auto w-[min(44rem,calc(100vw-2rem))] rounded-xl border border-zinc-200 bg-white p-5 text-zinc-900 shadow-xl backdrop:bg-black/40 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <h2 id="embed-title" className="text-lg font-semibold">
        {labels.title}
      </h2>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{labels.intro}</p>
      <div className="mt-4 flex flex-wrap gap-6 text-sm">
        <fieldset>
          <legend className="font-medium">{labels.theme}</legend>
          <div className="mt-1 flex gap-3">
            {THEMES.map((t) => (
              <label key={t} className="flex items-center gap-1.5">
                <input type="radio" name="embed-theme" value={t} checked={theme === t} onChange={() => setTheme(t)} />
                {labels.themes[t]}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend className="font-medium">{labels.language}</legend>
          <div className="mt-1 flex gap-3">
            {LOCALES.map((l) => (
              <label key={l.code} className="flex items-center gap-1.5" lang={l.code}>
                <input type="radio" name="embed-lang" value={l.code} checked={lang === l.code} onChange={() => setLang(l.code)} />
                {l.name}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend className="font-medium">{labels.panels}</legend>
          <div className="mt-1 flex gap-3">
            {PANELS.map((p) => (
              <label key={p} className="flex items-center gap-1.5">
                <input
                  type="checkbox"
                  checked={panels[p]}
                  // At least one panel stays visible.
                  disabled={panels[p] && PANELS.filter((x) => panels[x]).length === 1}
                  onChange={(e) => setPanels({ ...panels, [p]: e.target.checked })}
                />
                {labels.panelNames[p]}
              </label>
            ))}
          </div>
        </fieldset>
      </div>
      <div className="mt-4">
        <div className="flex items-center justify-between">
          <label htmlFor="embed-code" className="text-sm font-medium">
            {labels.code}
          </label>
          <CopyButton text={code} label={labels.copy} />
        </div>
        <textarea
          id="embed-code"
          readOnly
          value={code}
          rows={3}
          className="mt-1 block w-full rounded-md border border-zinc-300 bg-zinc-50 p-2 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-950"
        />
      </div>
      <details className="mt-3">
        <summary className="cursor-pointer text-sm text-zinc-600 dark:text-zinc-400">{labels.fallback}</summary>
        <div className="mt-2 flex items-center justify-between">
          <label htmlFor="embed-code-iframe" className="text-sm font-medium">
            {labels.fallbackCode}
          </label>
          <CopyButton text={fallback} label={labels.copyFallback} />
        </div>
        <textarea
          id="embed-code-iframe"
          readOnly
          value={fallback}
          rows={10}
          className="mt-1 block w-full rounded-md border border-zinc-300 bg-zinc-50 p-2 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-950"
        />
      </details>
      <form method="dialog" className="mt-4 text-right">
        <button
          type="submit"
          className="rounded-md bg-zinc-900 px-3 py-1.5 text-sm font-medium text-white dark:bg-zinc-100 dark:text-zinc-900"
        >
          {labels.close}
        </button>
      </form>
    </dialog>
  );
}
