import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { HISTORY_FORMAT, HISTORY_VERSION, type ImportProblem, parseHistoryText } from "@/lib/history/transfer";
import { type Catalogue, intlMessages, type Locale, validationSay } from "@/lib/i18n";
import { MODELS } from "@/lib/models/registry";
import { SAVED_RUN_FORMAT, SAVED_RUN_VERSION } from "@/lib/runs/saved-run";
import { importProblemText } from "./import-problem";

const run = (id: string, request: Record<string, unknown>, model = "nano-banana-2") => ({
  format: SAVED_RUN_FORMAT,
  version: SAVED_RUN_VERSION,
  id,
  model,
  mode: "text-to-video",
  ranAt: new Date(1).toISOString(),
  request,
  startedAt: 1,
  exchanges: [],
  waits: [],
  notes: [],
});
const good = {
  model: "nano-banana-2",
  mode: "text-to-video",
  input: { prompt: "A cat", aspect_ratio: "16:9", resolution: "720P", duration: 6 },
};
const file = (runs: unknown[], clips?: unknown[]) =>
  JSON.stringify({ format: HISTORY_FORMAT, version: HISTORY_VERSION, exportedAt: "x", runs, ...(clips ? { clips } : {}) });

/** The refusal the history panel shows for `text`, in `locale`. */
function refusal(text: string, locale: Locale): string {
  const parsed = parseHistoryText(text, validationSay(locale));
  if (parsed.ok) throw new Error("the file was accepted");
  const t = createTranslator({ locale, messages: intlMessages(locale) as unknown as Catalogue, namespace: "history" });
  return importProblemText(parsed.problem, t as unknown as Parameters<typeof importProblemText>[1], locale);
}

describe("importProblemText", () => {
  it("says a file that is not JSON is damaged, without the parser's English", () => {
    expect(refusal("hello, this is not json", "en")).toBe("the file is not complete JSON (truncated or damaged).");
    expect(refusal("hello, this is not json", "ru")).toBe("файл не является полным JSON (обрезан или повреждён).");
  });

  it("names the run, its field and the models there are for an unknown model, in each language", () => {
    const text = file([run("idem_ok", good), run("idem_zzz", { ...good, model: "no-such-model" }, "no-such-model")]);
    const known = MODELS.map((m) => m.id).join(", ");
    expect(refusal(text, "en")).toBe(`run 2 (idem_zzz) in the file is not valid: the field “model” must be one of ${known}.`);
    const ru = refusal(text, "ru");
    expect(ru).toBe(`запуск 2 (idem_zzz) в файле некорректен: поле «model» должно быть одним из значений: ${known}.`);
    expect(ru).not.toMatch(/unknown|known:/);
  });

  it("names a request field with the values it takes, or says what is wrong with it (the request's own check) in each language", () => {
    const badDuration = file([run("r1", { ...good, input: { ...good.input, duration: 5 } })]);
    expect(refusal(badDuration, "en")).toBe(
      "run 1 (r1) in the file is not valid: the field “request.input.duration” must be one of 6, 10.",
    );
    expect(refusal(badDuration, "ru")).toBe(
      "запуск 1 (r1) в файле некорректен: поле «request.input.duration» должно быть одним из значений: 6, 10.",
    );
    const noPrompt = file([run("r1", { ...good, input: { ...good.input, prompt: "" } })]);
    expect(refusal(noPrompt, "en")).toBe(
      "run 1 (r1) in the file is not valid: prompt is required: describe the subject, action, scene and style (1–2000 characters).",
    );
    expect(refusal(noPrompt, "ru")).toBe(
      "запуск 1 (r1) в файле некорректен: Нужен prompt: опишите объект, действие, сцену и стиль (1–2000 символов).",
    );
  });

  it("names the envelope's field and a clip's problem", () => {
    expect(refusal(JSON.stringify({ format: HISTORY_FORMAT, version: 1, exportedAt: "x" }), "ru")).toBe(
      "неверная структура файла: поле «runs» отсутствует или некорректно.",
    );
    const orphan = file([run("a", good)], [{ runId: "zzz", mime: "video/mp4", base64: "AAAA" }]);
    expect(refusal(orphan, "en")).toBe("clip 1 in the file belongs to no run of the file.");
    const html = file([run("a", good)], [{ runId: "a", mime: "text/html", base64: "AAAA" }]);
    expect(refusal(html, "ru")).toBe("клип 1 в файле некорректен: поле «mime» отсутствует или некорректно.");
  });

  it("words every kind of problem in both languages with no English engine text left in the Russian", () => {
    const problems: ImportProblem[] = [
      { kind: "too-large", bytes: 250_000_000, limit: 200_000_000 },
      { kind: "empty" },
      { kind: "not-ours" },
      { kind: "newer-version", version: 2, supported: 1 },
    ];
    for (const p of problems) {
      const t = createTranslator({ locale: "ru", messages: intlMessages("ru") as unknown as Catalogue, namespace: "history" });
      expect(importProblemText(p, t as unknown as Parameters<typeof importProblemText>[1], "ru")).toMatch(/[а-я]/);
    }
  });
});
