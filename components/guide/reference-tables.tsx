/** @jsxImportSource preact */
/**
 * The guide's two reference tables, parameters per mode and errors, rendered to static HTML once per
 * language with Preact's renderer (its JSX is for this file only, by the pragma above; its escaping is the
 * same as React's), and placed by the guide with `dangerouslySetInnerHTML`.
 *
 * Why not React server components: then the tables (about 400 of the page's 700 elements) also travel in
 * the RSC payload (+6.7 KB of HTML) and are walked by hydration, though nothing in them is interactive.
 * Measured by bench:web --variant against the same build with the tables as React server components, two
 * runs of 21 loads: the guide's run button was usable 24 and 10 ms later without this (×1.31 → ×1.40,
 * ×1.51 → ×1.52), while the embed, which has no tables, moved +8 and −3 ms.
 */
import { type ComponentChildren, Fragment } from "preact";
import { renderToString } from "preact-render-to-string";
import { type Allowed, paramDescription, paramRows } from "@/lib/guide/param-rows";
import { errorAnchor } from "@/lib/guide/paths";
import { contractTextsFor, format, joinOr, type Locale, type Messages, messagesFor } from "@/lib/i18n";
import type { ContractTexts } from "@/lib/i18n/spec-texts";
import { ERRORS, modeLabel } from "@/lib/spec/contract";
import type { ModelSpec, ModelTexts } from "@/lib/spec/model-spec";
import { codeClass, tableClass } from "./section";

function AllowedCell({ allowed, t }: { allowed: Allowed; t: Messages }) {
  switch (allowed.kind) {
    case "values":
      return (
        <>
          {allowed.values.map((v, i) => (
            <Fragment key={String(v)}>
              {i > 0 && (i === allowed.values.length - 1 ? ` ${t.params.or} ` : ", ")}
              <code class={codeClass}>{String(v)}</code>
            </Fragment>
          ))}
          {allowed.unit === "seconds" && ` (${t.params.seconds})`}
        </>
      );
    case "length":
      return <>{format(t.params.length, { min: allowed.min, max: allowed.max })}</>;
    case "media":
      return (
        <>
          {format(t.params.mediaCount, { count: joinOr(allowed.counts, t.params.or) })} ·{" "}
          {allowed.mimeTypes.map((m, i) => (
            <Fragment key={m}>
              {i > 0 && ", "}
              <code class={codeClass}>{m}</code>
            </Fragment>
          ))}
          {" · "}
          {format(t.params.mediaSize, { size: Math.round(allowed.maxBytes / 1024 / 1024) })}
        </>
      );
  }
}

function ColumnHeads({ names }: { names: string[] }) {
  return (
    <thead>
      <tr>
        {names.map((name) => (
          <th key={name} scope="col">
            {name}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/**
 * The region around a table that scrolls sideways on a narrow screen: focusable, so a keyboard can scroll
 * it (axe's scrollable-region-focusable), and named after its table (a named <section> is a region).
 */
function ScrollRegion({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard to be scrolled without a mouse (axe scrollable-region-focusable)
    <section class="doc-scroll" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}

/** A parameter's path with a line-break opportunity after each dot (`input.<wbr>aspect_ratio`), for narrow columns. */
function PathName({ path }: { path: string }) {
  return (
    <>
      {path.split(".").map((part, i) => (
        <Fragment key={part}>
          {i > 0 && (
            <>
              .<wbr />
            </>
          )}
          {part}
        </Fragment>
      ))}
    </>
  );
}

type TableProps = { spec: ModelSpec; t: Messages; texts: ContractTexts; fields: ModelTexts["fields"] };

/** One parameter table per mode, read from the schema the server validates with. */
function ParamsTables({ spec, t, texts, fields }: TableProps) {
  const c = t.params.columns;
  return (
    <>
      {spec.modes.map(({ id }) => (
        <ScrollRegion key={id} label={format(t.params.caption, { mode: modeLabel(id) })}>
          <table class={`${tableClass} doc-params`}>
            <caption class="mb-2 text-left">
              <span class="font-semibold">{format(t.params.caption, { mode: modeLabel(id) })}</span>{" "}
              <span class="ml-2 text-sm text-zinc-600 dark:text-zinc-400">{texts.modes[id].description}</span>
            </caption>
            <ColumnHeads names={[c.name, c.type, c.required, c.default, c.allowed, c.description]} />
            <tbody>
              {paramRows(spec, id).map((row) => (
                <tr key={row.path}>
                  <th scope="row">
                    <PathName path={row.path} />
                  </th>
                  <td>
                    <code>{row.type}</code>
                  </td>
                  <td>{row.required ? t.params.yes : t.params.no}</td>
                  <td>{row.default === null ? t.params.none : String(row.default)}</td>
                  <td>
                    <AllowedCell allowed={row.allowed} t={t} />
                  </td>
                  <td>{paramDescription(row, modeLabel(id), t, fields)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ))}
    </>
  );
}

/** The spec's error table: HTTP status, type, trigger, fix and retry advice. */
function ErrorsTable({ t, texts }: TableProps) {
  const c = t.errors.columns;
  return (
    <ScrollRegion label={t.errors.caption}>
      <table class={`${tableClass} doc-errors`}>
        <caption class="sr-only">{t.errors.caption}</caption>
        <ColumnHeads names={[c.status, c.type, c.trigger, c.fix, c.retry]} />
        <tbody>
          {ERRORS.map((e) => {
            const text = texts.errors[e.type];
            return (
              <tr key={e.type} id={errorAnchor(e.type)}>
                <td>{e.status}</td>
                <th scope="row">{e.type}</th>
                <td>{text.trigger}</td>
                <td>{text.fix}</td>
                <td>{text.retry}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

export type ReferenceTable = "params" | "errors";
const TABLES = { params: ParamsTables, errors: ErrorsTable } satisfies Record<ReferenceTable, unknown>;
const rendered = new Map<string, string>();

/** The table's HTML for a model in `locale`, rendered on first use and kept (specs and messages are fixed at build). */
export function referenceTableHtml(table: ReferenceTable, spec: ModelSpec, locale: Locale): string {
  const key = `${table}:${spec.id}:${locale}`;
  let html = rendered.get(key);
  if (html === undefined) {
    const Table = TABLES[table];
    html = renderToString(
      <Table spec={spec} t={messagesFor(locale)} texts={contractTextsFor(locale)} fields={spec.texts[locale].fields} />,
    );
    rendered.set(key, html);
  }
  return html;
}
