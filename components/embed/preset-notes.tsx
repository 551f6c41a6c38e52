import { getTranslations } from "next-intl/server";
import type { PresetNote } from "@/lib/embed/preset";
import type { Locale } from "@/lib/i18n";

/** Says which preset parameters were ignored and why, instead of failing. */
export async function PresetNotes({ notes, locale }: { notes: PresetNote[]; locale: Locale }) {
  if (!notes.length) return null;
  const t = await getTranslations({ locale, namespace: "embed" });
  return (
    <div
      role="note"
      aria-label={t("ignoredLabel")}
      className="mb-3 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      <p className="font-medium">{t("ignored")}</p>
      <ul className="mt-1 list-disc pl-5 [overflow-wrap:anywhere]">
        {notes.map((n) => (
          <li key={n.param}>
            <code className="font-mono">
              {n.param}={n.value}
            </code>
            : {n.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
