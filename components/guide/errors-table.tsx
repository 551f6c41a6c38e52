import type { Messages } from "@/lib/i18n";
import type { SpecTexts } from "@/lib/i18n/spec-texts";
import { ERRORS } from "@/lib/spec/nano-banana-2";
import { Rich } from "./rich";
import { codeClass, tableClass } from "./section";

/** The spec's error table: HTTP status, type, trigger, fix and retry advice. */
export function ErrorsTable({ t, texts }: { t: Messages; texts: SpecTexts }) {
  const c = t.errors.columns;
  return (
    <div className="space-y-3">
      <p className="text-zinc-700 dark:text-zinc-300">
        <Rich template={t.errors.intro} slots={{ envelope: <code className={codeClass}>{'{ "error": { "type", "message", "param", "request_id" } }'}</code> }} />
      </p>
      <div className="overflow-x-auto">
        <table className={tableClass}>
          <caption className="sr-only">{t.errors.caption}</caption>
          <thead>
            <tr>
              {[c.status, c.type, c.trigger, c.fix, c.retry].map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ERRORS.map((e) => {
              const text = texts.errors[e.type];
              return (
                <tr key={e.type}>
                  <td className="font-mono tabular-nums">{e.status}</td>
                  <th scope="row" className="font-mono font-medium">
                    {e.type}
                  </th>
                  <td>{text.trigger}</td>
                  <td>{text.fix}</td>
                  <td>{text.retry}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
