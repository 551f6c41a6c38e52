import { type ParseOptions, parse, render } from "sugar-high/core";
import * as json from "sugar-high/lang/json";
import * as python from "sugar-high/lang/python";
import * as shell from "sugar-high/lang/shell";
import { CopyButton } from "./copy-button";

/**
 * The one code block of the app: highlighted with sugar-high's core and only the grammars we export
 * (a few kB, no WASM, no themes to load), with a copy button that copies the exact text.
 *
 * No "use client" and no hooks: the guide renders it on the server (its examples arrive as one HTML
 * string, nothing for React to hydrate but the copy button), the export panel in the browser.
 * `caption` is the header's visible text when it should differ from the block's accessible name.
 */
const LANGUAGES: Record<"shell" | "python" | "json" | "javascript", ParseOptions | undefined> = {
  shell,
  python,
  json,
  javascript: undefined,
};
export type CodeLanguage = keyof typeof LANGUAGES;

export function CodeBlock({
  code,
  language,
  label,
  caption = label,
  copyLabel,
}: {
  code: string;
  language: CodeLanguage;
  label: string;
  caption?: string;
  copyLabel: string;
}) {
  const html = render(parse(code, LANGUAGES[language]));
  return (
    // biome-ignore lint/a11y/useSemanticElements: a labelled block of content, not of form controls, which is what <fieldset> would say
    <div role="group" aria-label={label} className="overflow-hidden rounded-md border border-zinc-200 dark:border-zinc-800">
      <div className="flex items-center justify-between gap-2 border-b border-zinc-200 bg-zinc-100 px-3 py-1 dark:border-zinc-800 dark:bg-zinc-900">
        <span className="text-xs text-zinc-600 dark:text-zinc-400">{caption}</span>
        <CopyButton text={code} label={copyLabel} idle={copyLabel} />
      </div>
      <pre
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard to be scrolled without a mouse (axe scrollable-region-focusable)
        tabIndex={0}
        className="code-block max-h-96 overflow-auto focus-visible:outline-2 focus-visible:outline-amber-600 bg-zinc-50 p-3 font-mono text-xs leading-relaxed dark:bg-zinc-950"
      >
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sugar-high's spans around the code's escaped text */}
        <code dangerouslySetInnerHTML={{ __html: html }} />
      </pre>
    </div>
  );
}
