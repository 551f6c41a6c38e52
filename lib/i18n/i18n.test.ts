import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import ru from "@/messages/ru.json";
import { allowedList } from "@/lib/spec/contract";
import { format, joinOr, specTextsFor } from "./index";
import { englishSpecTexts, shapeOf } from "./spec-texts";

describe("translations", () => {
  it("the Russian messages have exactly the English keys (plus the spec's texts)", () => {
    const { spec: _spec, ...rest } = ru;
    expect(shapeOf(rest)).toEqual(shapeOf(en));
  });

  it("the Russian spec texts mirror the spec: every mode, field, error type and FAQ entry, no stale ones", () => {
    expect(shapeOf(ru.spec)).toEqual(shapeOf(englishSpecTexts()));
  });

  it("English spec texts come from the spec, not from a message file", () => {
    expect(JSON.stringify(en)).not.toContain(englishSpecTexts().faq[0].a);
    expect(specTextsFor("en")).toEqual(englishSpecTexts());
    expect(specTextsFor("ru").faq[0].q).toBe("Когда использовать nano-banana-2?");
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
    const { spec: _spec, ...rest } = ru;
    walk(en, rest, "ru");
  });

  it("formats placeholders and joins like the spec does in English", () => {
    expect(format("{a} of {b}, {c}", { a: 1, b: "x" })).toBe("1 of x, {c}");
    expect(joinOr([6, 10], en.params.or)).toBe(allowedList([6, 10]));
    expect(joinOr(["a", "b", "c"], ru.params.or)).toBe("a, b или c");
  });
});
