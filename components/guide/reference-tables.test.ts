import { renderToString } from "preact-render-to-string";
import { describe, expect, it, vi } from "vitest";
import { contractTextsFor, format, LOCALES, messagesFor } from "@/lib/i18n";
import { geminiOmniFlash } from "@/lib/models/gemini-omni-flash";
import { getModel } from "@/lib/models/registry";
import { ERRORS, modeLabel } from "@/lib/spec/contract";
import { fieldsOf } from "@/lib/spec/model-spec";
import { referenceTableHtml } from "./reference-tables";
import { codeClass } from "./section";

// The real renderer, counted: the cache test needs to see whether a table was rendered again.
vi.mock("preact-render-to-string", async (actual) => {
  const real = await actual<typeof import("preact-render-to-string")>();
  return { ...real, renderToString: vi.fn(real.renderToString) };
});

const nanoBanana2 = getModel("nano-banana-2");
const count = (html: string, needle: string) => html.split(needle).length - 1;

describe("the guide's reference tables as static HTML", () => {
  for (const { code: locale } of LOCALES) {
    const t = messagesFor(locale);
    const texts = contractTextsFor(locale);

    it(`has one parameter table per mode, row by row (${locale})`, () => {
      const html = referenceTableHtml("params", nanoBanana2, locale);
      const modes = nanoBanana2.modes;
      expect(count(html, "<table ")).toBe(modes.length);
      for (const { id } of modes) {
        expect(html).toContain(`<span class="font-semibold">${format(t.params.caption, { mode: modeLabel(id) })}</span>`);
        expect(html).toContain(texts.modes[id].description);
      }
      const rows = modes.reduce((n, m) => n + 2 + fieldsOf(nanoBanana2, m.id).length, 0);
      expect(count(html, '<th scope="row">')).toBe(rows);
      // The name breaks after its dot in a narrow column; read as one word.
      expect(count(html, '<th scope="row">input.<wbr/>duration</th>')).toBe(
        modes.filter((m) => fieldsOf(nanoBanana2, m.id).includes("duration")).length,
      );
    });

    it(`puts each table in a region a keyboard can scroll, named after the table (${locale})`, () => {
      const params = referenceTableHtml("params", nanoBanana2, locale);
      for (const { id } of nanoBanana2.modes) {
        const name = format(t.params.caption, { mode: modeLabel(id) });
        expect(params).toContain(`<section class="doc-scroll" aria-label="${name}" tabindex="0"><table `);
      }
      expect(count(params, 'tabindex="0"')).toBe(nanoBanana2.modes.length);
      const errors = referenceTableHtml("errors", nanoBanana2, locale);
      expect(errors.startsWith(`<section class="doc-scroll" aria-label="${t.errors.caption}" tabindex="0"><table `)).toBe(true);
    });

    it(`describes each field in the model's own words and the rules it has (${locale})`, () => {
      const nano = referenceTableHtml("params", nanoBanana2, locale);
      const flash = referenceTableHtml("params", geminiOmniFlash, locale);
      expect(nano).toContain(nanoBanana2.texts[locale].fields.duration);
      expect(flash).toContain(geminiOmniFlash.texts[locale].fields.duration);
      expect(nano).not.toContain("1080P");
      const rule = format(t.params.rule, { when: "resolution", whenValues: "1080P", allow: "aspect_ratio", allowValues: "16:9" });
      // On both rows it ties (resolution and aspect_ratio), in each of the four modes.
      expect(count(flash, rule)).toBe(2 * geminiOmniFlash.modes.length);
      expect(flash).toContain(`<code class="${codeClass}">1080P</code>`);
    });

    it(`has the error table with every error (${locale})`, () => {
      const html = referenceTableHtml("errors", nanoBanana2, locale);
      expect(count(html, "<table ")).toBe(1);
      expect(html).toContain(`<caption class="sr-only">${t.errors.caption}</caption>`);
      for (const e of ERRORS) expect(html).toContain(`<td>${e.status}</td><th scope="row">${e.type}</th>`);
    });
  }

  it("is rendered once per table, model and language, then served from memory", () => {
    const renders = vi.mocked(renderToString);
    const ru = referenceTableHtml("params", nanoBanana2, "ru");
    const rendered = renders.mock.calls.length;
    expect(rendered).toBeGreaterThan(0);
    expect(referenceTableHtml("params", nanoBanana2, "ru")).toBe(ru);
    expect(renders.mock.calls.length).toBe(rendered);
    expect(referenceTableHtml("params", nanoBanana2, "en")).not.toBe(ru);
    expect(referenceTableHtml("params", geminiOmniFlash, "ru")).not.toBe(ru);
  });
});
