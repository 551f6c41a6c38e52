"use client";

import { useTranslations } from "next-intl";

/** Which part could not be loaded (a key of `playground.unavailable.parts`). */
export type MissingPart =
  | { part: "comparison" | "embed" | "export" | "history" | "import" | "references" | "runView" | "variants" }
  | { part: "media"; label: string };

/**
 * Shown in place of a part of the playground whose code could not be fetched when it was first needed (a
 * dropped connection, or a deploy that replaced the chunk): says which part is missing instead of taking
 * the page down with it. The form's values are in the address bar, so a reload keeps them.
 */
export function ChunkUnavailable({ what, className = "" }: { what: MissingPart; className?: string }) {
  const t = useTranslations("playground.unavailable");
  const name = what.part === "media" ? t("parts.media", { label: what.label }) : t(`parts.${what.part}`);
  return (
    <p role="alert" className={`text-sm text-red-700 dark:text-red-300 ${className}`}>
      {t("message", { what: name })}
    </p>
  );
}

/**
 * The rejection handler for a lazily loaded component's import: `import("./x").then((m) => m.X,
 * unavailable("The x"))` gives `next/dynamic` a component that says the part is missing. `what` may be
 * worked out from the component's props; `className` places the message (a part that would have been an
 * overlay says so as one).
 */
export function unavailable<P extends object>(what: MissingPart | ((props: P) => MissingPart), className?: string) {
  return () =>
    // biome-ignore lint/correctness/noComponentHookFactories: made once, when a dynamic import fails, as next/dynamic's loader result; never during a render
    function Unavailable(props: P) {
      return <ChunkUnavailable what={typeof what === "function" ? what(props) : what} className={className} />;
    };
}
