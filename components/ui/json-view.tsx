"use client";

import { useTranslations } from "next-intl";
import { allExpanded, JsonView as LiteJsonView } from "react-json-view-lite";
import { CopyButton } from "./copy-button";

const styles = {
  container: "json-view",
  basicChildStyle: "pl-4",
  label: "jv-key mr-1",
  clickableLabel: "jv-key mr-1 cursor-pointer",
  nullValue: "jv-null",
  undefinedValue: "jv-undefined",
  numberValue: "jv-number",
  stringValue: "jv-string",
  booleanValue: "jv-boolean",
  otherValue: "jv-string",
  punctuation: "jv-punct",
  expandIcon: "jv-expander before:content-['▸']",
  collapseIcon: "jv-expander before:content-['▾']",
  collapsedContent: "jv-punct after:content-['…']",
  childFieldsContainer: "m-0 list-none p-0",
  noQuotesForStringValues: false,
  quotesForFieldNames: true,
  stringifyStringValues: true,
};

/** The one JSON view of the app: a collapsible tree (react-json-view-lite) with a copy button. */
export function JsonView({ data, label, copyLabel }: { data: unknown; label: string; copyLabel?: string }) {
  const text = JSON.stringify(data, null, 2) ?? "null";
  const isTree = data !== null && typeof data === "object";
  const t = useTranslations("ui");
  return (
    // biome-ignore lint/a11y/useSemanticElements: a labelled block of content, not of form controls, which is what <fieldset> would say
    <div
      className="flow-root rounded-md border border-zinc-200 bg-zinc-50 p-2 dark:border-zinc-800 dark:bg-zinc-900"
      role="group"
      aria-label={label}
    >
      {/* Floated, not laid over the JSON: the lines beside it make room for it (a narrow box's first line ran under it). */}
      <div className="float-right mb-1 ml-2">
        <CopyButton text={text} label={copyLabel ?? t("copyWhat", { what: label })} />
      </div>
      {isTree ? (
        <LiteJsonView
          data={data as object}
          shouldExpandNode={allExpanded}
          style={{ ...styles, ariaLables: { collapseJson: t("collapseJson"), expandJson: t("expandJson") } }}
        />
      ) : (
        <pre className="json-view">{text}</pre>
      )}
    </div>
  );
}
