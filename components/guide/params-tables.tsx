import { format, joinOr, type Messages } from "@/lib/i18n";
import type { SpecTexts } from "@/lib/i18n/spec-texts";
import { paramRows, type Allowed, type ParamRow } from "@/lib/guide/param-rows";
import { MODES } from "@/lib/spec/nano-banana-2";
import { Rich } from "./rich";
import { codeClass, tableClass } from "./section";

/** Same columns in every mode's table, so they line up when read one after another. */
const COLUMN_WIDTHS = ["19%", "10%", "8%", "9%", "24%", "30%"];

function AllowedCell({ allowed, t }: { allowed: Allowed; t: Messages }) {
  switch (allowed.kind) {
    case "values":
      return (
        <>
          {allowed.values.map((v, i) => (
            <span key={String(v)}>
              {i > 0 && (i === allowed.values.length - 1 ? ` ${t.params.or} ` : ", ")}
              <code className={codeClass}>{String(v)}</code>
            </span>
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
            <span key={m}>
              {i > 0 && ", "}
              <code className={codeClass}>{m}</code>
            </span>
          ))}
 {" · "}{format(t.params.mediaSize, { size: Math.round(allowed.maxBytes / 1024 / 1024) })}
        </>
      );
  }
}

function description(row: ParamRow, modeLabel: string, t: Messages, texts: SpecTexts): string {
  if (row.field === "model") return t.params.modelDescription;
  if (row.field === "mode") return format(t.params.modeDescription, { mode: modeLabel });
  return texts.fields[row.field].description;
}

/** One parameter table per mode, read from the schema the server validates with. */
export function ParamsTables({ t, texts }: { t: Messages; texts: SpecTexts }) {
  const c = t.params.columns;
  return (
    <div className="space-y-6">
      <p className="text-zinc-700 dark:text-zinc-300">
        <Rich template={t.params.intro} slots={{ shape: <code className={codeClass}>{'{ "model", "mode", "input": { … } }'}</code> }} />
      </p>
      {MODES.map((mode) => (
        <div key={mode.id} className="overflow-x-auto">
          <table className={`${tableClass} table-fixed`}>
            <caption className="mb-2 text-left">
              <span className="font-semibold">{format(t.params.caption, { mode: mode.label })}</span>{" "}
              <span className="ml-2 text-sm text-zinc-600 dark:text-zinc-400">{texts.modes[mode.id].description}</span>
            </caption>
            <colgroup>
              {COLUMN_WIDTHS.map((w, i) => (
                <col key={i} style={{ width: w }} />
              ))}
            </colgroup>
            <thead>
              <tr>
                {[c.name, c.type, c.required, c.default, c.allowed, c.description].map((h) => (
                  <th key={h} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {paramRows(mode.id).map((row) => (
                <tr key={row.path}>
                  <th scope="row" className="font-mono font-medium">
                    {row.path}
                  </th>
                  <td className="font-mono">{row.type}</td>
                  <td>{row.required ? t.params.yes : t.params.no}</td>
                  <td className="font-mono">{row.default === null ? t.params.none : String(row.default)}</td>
                  <td>
                    <AllowedCell allowed={row.allowed} t={t} />
                  </td>
                  <td>{description(row, mode.label, t, texts)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </div>
  );
}
