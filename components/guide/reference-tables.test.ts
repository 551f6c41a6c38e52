import { describe, expect, it, vi } from "vitest";
import { renderToString } from "preact-render-to-string";
import { LOCALES, format, messagesFor, specTextsFor } from "@/lib/i18n";
import { ERRORS, MODES, fieldsOf } from "@/lib/spec/nano-banana-2";
import { referenceTableHtml } from "./reference-tables";

// The real renderer, counted: the cache test needs to see whether a table was rendered again.
vi.mock("preact-render-to-string", async (actual) => {
  const real = await actual<typeof import("preact-render-to-string")>();
  return { ...real, renderToString: vi.fn(real.renderToString) };
});

const count = (html: string, needle: string) => html.split(needle).length - 1;

describe("the guide's reference tables as static HTML", () => {
  for (const { code: locale } of LOCALES) {
    const t = messagesFor(locale);
    const texts = specTextsFor(locale);

    it(`has one parameter table per mode, row by row (${locale})`, () => {
      const html = referenceTableHtml("params", locale);
      expect(count(html, "<table ")).toBe(MODES.length);
      for (const mode of MODES) {
        expect(html).toContain(`<span class="font-semibold">${format(t.params.caption, { mode: mode.label })}</span>`);
        expect(html).toContain(texts.modes[mode.id].description);
      }
      const rows = MODES.reduce((n, m) => n + 2 + fieldsOf(m.id).length, 0);
      expect(count(html, '<th scope="row">')).toBe(rows);
      expect(count(html, '<th scope="row">input.duration</th>')).toBe(MODES.filter((m) => fieldsOf(m.id).includes("duration")).length);
    });

    it(`has the error table with every error (${locale})`, () => {
      const html = referenceTableHtml("errors", locale);
      expect(count(html, "<table ")).toBe(1);
      expect(html).toContain(`<caption class="sr-only">${t.errors.caption}</caption>`);
      for (const e of ERRORS) expect(html).toContain(`<td>${e.status}</td><th scope="row">${e.type}</th>`);
    });
  }

  it("is rendered once per table and language, then served from memory", () => {
    const renders = vi.mocked(renderToString);
    const ru = referenceTableHtml("params", "ru");
    const rendered = renders.mock.calls.length;
    expect(rendered).toBeGreaterThan(0);
    expect(referenceTableHtml("params", "ru")).toBe(ru);
    expect(renders.mock.calls.length).toBe(rendered);
    expect(referenceTableHtml("params", "en")).not.toBe(ru);
  });
});
