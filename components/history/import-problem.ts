import type { useTranslations } from "next-intl";
import type { ImportProblem } from "@/lib/history/transfer";
import { formatBytes } from "./format";

type HistoryWords = ReturnType<typeof useTranslations<"history">>;

/**
 * Why an import was refused, in the page's language: the problem, and for a run or clip which one, which
 * field and the values it takes when known. The engine's own text (`detail`) stays out of the sentence.
 */
export function importProblemText(p: ImportProblem, t: HistoryWords, locale: string): string {
  switch (p.kind) {
    case "too-large":
      return t("import.tooLarge", { size: formatBytes(p.bytes, locale), limit: formatBytes(p.limit, locale) });
    case "newer-version":
      return t("import.newerVersion", { version: p.version, supported: p.supported });
    case "bad-run": {
      const which = { number: p.index + 1, id: p.id ?? "?", field: p.field };
      if (p.allowed?.length) return t("import.badRunAllowed", { ...which, allowed: p.allowed.join(", ") });
      // The request's own check says what is wrong (a broken rule, a too-long prompt), in the page's language.
      return p.reason ? t("import.badRunReason", { ...which, reason: p.reason }) : t("import.badRun", which);
    }
    case "bad-clip":
      return p.orphan ? t("import.badClipOrphan", { number: p.index + 1 }) : t("import.badClip", { number: p.index + 1, field: p.field });
    case "bad-envelope":
      return t("import.badEnvelope", { field: p.field });
    case "not-json":
      return t("import.notJson");
    case "not-ours":
      return t("import.notOurs");
    case "empty":
      return t("import.empty");
  }
}
