import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { getModel, MODELS } from "@/lib/models/registry";
import { allowedList, ERRORS } from "@/lib/spec/contract";
import { englishSay, VALIDATION_EN, type ValidationKey } from "@/lib/spec/validation-words";
import en from "@/messages/en.json";
import ru from "@/messages/ru.json";
import { type Catalogue, clientMessages, contractTextsFor, format, intlMessages, joinOr, LOCALES, SERVER_ONLY_NAMESPACES } from "./index";
import { englishContractTexts, shapeOf } from "./spec-texts";

describe("translations", () => {
  it("the Russian messages have exactly the English keys (plus the spec's texts)", () => {
    const { retry: _retry, spec: _spec, validation: _validation, ...rest } = ru;
    expect(shapeOf(rest)).toEqual(shapeOf(en));
  });

  it("the Russian contract texts mirror the contract: every mode and error type, no stale ones", () => {
    expect(shapeOf(ru.spec)).toEqual(shapeOf(englishContractTexts()));
  });

  it("English contract texts come from the contract, not from a message file", () => {
    expect(JSON.stringify(en)).not.toContain(ERRORS[0].trigger);
    expect(contractTextsFor("en")).toEqual(englishContractTexts());
    expect(contractTextsFor("ru").errors.invalid_request_error.trigger).toBe(ru.spec.errors.invalid_request_error.trigger);
    expect(contractTextsFor("ru").errors.invalid_request_error.trigger).not.toBe(ERRORS[0].trigger);
  });

  it.each(MODELS.map((m) => [m.id, m] as const))("%s has its texts in every language, each with the English shape", (_id, spec) => {
    for (const { code } of LOCALES) {
      expect(shapeOf(spec.texts[code]), code).toEqual(shapeOf(spec.texts.en));
      const walk = (value: unknown, path: string): void => {
        if (typeof value === "string") expect(value.trim().length, path).toBeGreaterThan(0);
        else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`);
      };
      walk(spec.texts[code], `${spec.id}.${code}`);
    }
    expect(JSON.stringify(en)).not.toContain(spec.texts.en.faq[0].a);
  });

  it("a model's Russian texts are translated, not copied", () => {
    for (const spec of MODELS) expect(spec.texts.ru.tagline, spec.id).not.toBe(spec.texts.en.tagline);
    expect(getModel("nano-banana-2").texts.ru.faq[0].q).toBe("Когда использовать nano-banana-2?");
  });

  it("every translated string is non-empty and keeps its placeholders", () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const walk = (a: unknown, b: unknown, path: string) => {
      if (typeof a === "string") {
        expect(typeof b, path).toBe("string");
        expect((b as string).trim().length, path).toBeGreaterThan(0);
        expect(placeholders(b as string), path).toEqual(placeholders(a));
      } else if (a && typeof a === "object") {
        for (const [k, v] of Object.entries(a)) walk(v, (b as Record<string, unknown>)[k], `${path}.${k}`);
      }
    };
    const { spec: _spec, validation: _validation, ...rest } = ru;
    walk(en, rest, "ru");
  });

  it("formats placeholders and joins like the spec does in English", () => {
    expect(format("{a} of {b}, {c}", { a: 1, b: "x" })).toBe("1 of x, {c}");
    expect(joinOr([6, 10], en.params.or)).toBe(allowedList([6, 10]));
    expect(joinOr(["a", "b", "c"], ru.params.or)).toBe("a, b или c");
  });
});

describe("next-intl catalogue", () => {
  it("the Russian validation words have exactly the English keys, and say the same through next-intl as the API's English", () => {
    expect(Object.keys(ru.validation).sort()).toEqual(Object.keys(VALIDATION_EN).sort());
    const t = createTranslator({ locale: "en", messages: intlMessages("en") as unknown as Catalogue, namespace: "validation" });
    const values = {
      allowed: "6 or 10",
      count: "2001",
      max: "2000",
      field: "image_url",
      model: "m",
      when: "a",
      whenValues: "b",
      allow: "c",
      allowValues: "d",
    };
    for (const key of Object.keys(VALIDATION_EN) as ValidationKey[]) expect(t(key, values)).toBe(englishSay(key, values));
    const tr = createTranslator({ locale: "ru", messages: intlMessages("ru") as unknown as Catalogue, namespace: "validation" });
    expect(tr("duration", { allowed: "6 или 10" })).toBe("duration должно быть 6 или 10 (секунды).");
  });

  it("every message of both languages is valid ICU and formats through the precompiled runtime", () => {
    for (const { code } of LOCALES) {
      const t = createTranslator({ locale: code, messages: intlMessages(code) as unknown as Catalogue });
      expect(t("playground.run.button")).toBe(code === "ru" ? "Запустить задачу" : "Run task");
      expect(t("guide.title", { model: "nano-banana-2" })).toBe("nano-banana-2 API");
      // Plain-text contract texts come through verbatim, `<key>` included.
      expect(t("spec.errors.authentication_error.fix")).toContain("<key>");
    }
  });

  it("client components get every namespace but the guide's server-only prose", () => {
    const client = clientMessages("ru");
    for (const ns of SERVER_ONLY_NAMESPACES) expect(client).not.toHaveProperty(ns);
    expect(Object.keys(client).sort()).toEqual(
      Object.keys(ru)
        .filter((ns) => !(SERVER_ONLY_NAMESPACES as readonly string[]).includes(ns))
        .sort(),
    );
  });

  it("client messages are plain data a server component can pass to a client one (plurals included)", () => {
    const odd: string[] = [];
    const walk = (value: unknown, path: string) => {
      if (typeof value !== "object" || value === null) return;
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== Array.prototype) odd.push(path);
      for (const [key, v] of Object.entries(value)) walk(v, `${path}.${key}`);
    };
    for (const { code } of LOCALES) walk(clientMessages(code), code);
    expect(odd).toEqual([]);
  });
});

describe("client messages", () => {
  it("are plain JSON data (React passes them from server to client components only then)", () => {
    for (const { code } of LOCALES) {
      const messages = clientMessages(code);
      expect(JSON.parse(JSON.stringify(messages))).toEqual(messages);
      const objects: unknown[] = [messages];
      while (objects.length) {
        const o = objects.pop();
        if (o && typeof o === "object") {
          if (!Array.isArray(o)) expect(Object.getPrototypeOf(o)).toBe(Object.prototype);
          objects.push(...Object.values(o));
        }
      }
    }
  });
});
