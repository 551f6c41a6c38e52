import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { type Catalogue, intlMessages, type Locale } from "@/lib/i18n";
import { MODELS } from "@/lib/models/registry";
import { ERRORS, GATEWAY_ANSWERS } from "@/lib/spec/contract";
import { type Advice, adviceFor, taskFailureAdvice } from "./error-advice";

/** The advice as the error card shows it in `locale`. */
function words(advice: Advice | null, locale: Locale = "en") {
  if (!advice) return null;
  const t = createTranslator({ locale, messages: intlMessages(locale) as unknown as Catalogue }) as unknown as (key: string) => string;
  return Object.fromEntries(Object.entries(advice).map(([k, key]) => [k, key && t(key)]));
}

describe("adviceFor", () => {
  it("recognises a gateway's invalid apitype: -1 as a request sent to a chat endpoint, with the FAQ's words", () => {
    const advice = words(adviceFor({ status: 400, type: "new_api_error", message: "invalid apitype: -1 (request id: 2025…)" }));
    expect(advice?.title).toBe("Sent to a chat endpoint");
    expect(advice?.fix).toBe(GATEWAY_ANSWERS[0].explanation);
    // Every model's guide answers it in its FAQ with the same words.
    for (const spec of MODELS)
      expect(
        spec.texts.en.faq.some((f) => f.a === advice?.fix),
        spec.id,
      ).toBe(true);
  });

  it.each(ERRORS.map((e) => [e.status, e.type] as const))("names the table's fix for %i %s", (status, type) => {
    const row = ERRORS.find((e) => e.type === type)!;
    expect(words(adviceFor({ status, type, message: "m" }))).toEqual({ fix: row.fix, retry: row.retry });
  });

  it("falls back on the status when the type is a gateway's own name", () => {
    expect(words(adviceFor({ status: 401, type: "unauthorized", message: "m" }))?.fix).toMatch(/Authorization: Bearer/);
  });

  it("says the playground's server is down when nothing answered", () => {
    expect(words(adviceFor({ status: 0, type: "network_error", message: "m" }))?.fix).toMatch(/did not answer/);
  });

  it("has nothing to say about an unknown status", () => {
    expect(adviceFor({ status: 418, type: "teapot", message: "m" })).toBeNull();
  });
});

describe("taskFailureAdvice", () => {
  it("tells what to do about a content-policy refusal", () => {
    expect(words(taskFailureAdvice("content_policy_violation"))?.fix).toMatch(/Rephrase the prompt/);
    expect(taskFailureAdvice("unknown")).toBeNull();
  });
});

describe("advice in Russian", () => {
  it("every piece of advice exists in the Russian catalogue, in Cyrillic", () => {
    const all = [
      ...ERRORS.map((e) => adviceFor({ status: e.status, type: e.type, message: "m" })),
      adviceFor({ status: 400, type: "x", message: "invalid apitype: -1" }),
      adviceFor({ status: 0, type: "network_error", message: "m" }),
      taskFailureAdvice("content_policy_violation"),
      taskFailureAdvice("internal_error"),
      taskFailureAdvice("invalid_request_error"),
    ];
    for (const advice of all) for (const text of Object.values(words(advice, "ru") ?? {})) expect(text).toMatch(/[а-яё]/i);
  });
});
