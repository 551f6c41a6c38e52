import type { ReactNode } from "react";

/**
 * A titled section of the guide; the heading names the region for assistive tech and the tests.
 *
 * `below` marks a section that starts below the playground, out of the first screen: the browser skips
 * its layout and paint until it nears the viewport (`content-visibility: auto`, with its last size
 * remembered; find-in-page and assistive tech still see it). Measured: the guide's first layout took
 * 95 ms with these tables laid out. (A Suspense boundary around them, to hydrate them later, saved under
 * 5 ms of main-thread time and made React stream them as hidden blocks revealed by a script: without
 * JavaScript they would not show. Not worth it.)
 */
export function Section({ id, title, below, children }: { id: string; title: string; below?: boolean; children: ReactNode }) {
  return (
    <section
      id={id}
      aria-labelledby={`${id}-heading`}
      className={below ? "scroll-mt-6 [contain-intrinsic-size:auto_40rem] [content-visibility:auto]" : "scroll-mt-6"}
    >
      <h2 id={`${id}-heading`} className="mb-3 text-xl font-semibold tracking-tight">
        {title}
      </h2>
      {children}
    </section>
  );
}

export function Bullets({ items, label }: { items: readonly string[]; label?: string }) {
  return (
    <ul aria-label={label} className="list-disc space-y-1 pl-5 text-zinc-700 dark:text-zinc-300">
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}

/**
 * The guide's tables and inline code. The cell styles live once in globals.css (`.doc-table`, `.doc-code`)
 * rather than on every cell: the tables repeat them a few hundred times, in the HTML and again in the
 * RSC payload, which the browser parses before the playground is usable.
 */
export const tableClass = "doc-table";
export const codeClass = "doc-code";
