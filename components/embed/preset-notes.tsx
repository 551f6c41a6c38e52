import { getTranslations } from "next-intl/server";
import type { PresetNote } from "@/lib/embed/preset";
import type { Locale } from "@/lib/i18n";

/** Says which preset parameters were ignored, and which were kept for the reader to fix, and why, instead of failing. */
export async function PresetNotes({ notes, locale }: { notes: PresetNote[]; locale: Locale }) {
  if (!notes.length) return null;
  const t = await getTranslations({ locale, namespace: "embed" });
  const groups = [
    { key: "ignored", label: t("ignoredLabel"), heading: t("ignored"), notes: notes.filter((n) => !n.kept) },
    { key: "kept", label: t("keptLabel"), heading: t("kept"), notes: notes.filter((n) => n.kept) },
  ].filter((g) => g.notes.length);
  return (
    <>
      {groups.map((g) => (
        <div
          key={g.key}
          role="note"
          aria-label={g.label}
          className="mb-3 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
        >
          <p className="font-medium">{g.heading}</p>
          <ul className="mt-1 list-disc pl-5 [overflow-wrap:anywhere]">
            {g.notes.map((n) => (
              <li key={n.param}>
                <code className="font-mono">
                  {n.param}={n.value}
                </code>
                : {n.message}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}
