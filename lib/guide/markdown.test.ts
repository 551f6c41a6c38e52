/**
 * The Markdown guides and /llms.txt follow the spec: a test-only third model (the registry test's
 * pattern) shows its own values in them, and each section carries the same rows the HTML guide does.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { paramRows } from "@/lib/guide/param-rows";
import { format, LOCALES, messagesFor } from "@/lib/i18n";
import { nanoBanana2 } from "@/lib/models/nano-banana-2";
import { MODELS } from "@/lib/models/registry";
import { ERRORS, modeLabel, POLLING } from "@/lib/spec/contract";
import { minimalModeRequest } from "@/lib/spec/examples";
import type { ModelSpec } from "@/lib/spec/model-spec";
import { parseCreateTaskRequest } from "@/lib/spec/schema";
import { cell, guideMarkdown, llmsTxt } from "./markdown";

/** nano-banana-2 under another id, with 3 or 7 seconds, square frames and a rule of its own. */
const testSpec: ModelSpec = {
  ...nanoBanana2,
  id: "test-model",
  name: "test-model",
  upstreamId: { "task-contract": "test-model", "generation-task": "test_model" },
  aspectRatios: ["1:1", "16:9"],
  durations: [3, 7],
  resolutions: [{ value: "720P", frames: { "1:1": { width: 720, height: 720 }, "16:9": { width: 1280, height: 720 } } }],
  defaults: { aspect_ratio: "1:1", duration: 3, resolution: "720P" },
  rules: [{ when: { field: "duration", values: [7] }, allow: { field: "aspect_ratio", values: ["16:9"] } }],
  related: ["nano-banana-2"],
};
const WITH_TEST = [...MODELS, testSpec];

/** The Markdown between `## {title}` and the next `## `. */
function section(md: string, title: string): string {
  const start = md.indexOf(`\n## ${title}\n`);
  expect(start, `section ${title}`).toBeGreaterThan(-1);
  const rest = md.slice(start + 1);
  const end = rest.indexOf("\n## ", 1);
  return end < 0 ? rest : rest.slice(0, end);
}

/** The JSON blocks of a Markdown text, parsed. */
const jsonBlocks = (md: string) => [...md.matchAll(/```json\n([\s\S]*?)\n```/g)].map((m) => JSON.parse(m[1]));

afterEach(() => vi.unstubAllEnvs());

describe("a guide as Markdown", () => {
  for (const { code: locale } of LOCALES) {
    const t = messagesFor(locale);

    it(`shows a test-only model's own durations, aspect ratios, defaults and rule (${locale})`, () => {
      const md = guideMarkdown(testSpec, locale);
      expect(md.startsWith(`# ${format(t.guide.title, { model: "test-model" })}\n`)).toBe(true);
      const params = section(md, t.guide.sections.parameters);
      // Its allowed values, with its default, in every mode that sends duration (all but Video Edit).
      const durationRow = `| \`input.duration\` | integer | ${t.params.no} | \`3\` | \`3\` ${t.params.or} \`7\` (${t.params.seconds}) |`;
      expect(params.split(durationRow).length - 1).toBe(testSpec.modes.filter((m) => m.id !== "video-edit").length);
      expect(params).toContain(`| \`input.aspect_ratio\` | string | ${t.params.no} | \`1:1\` | \`1:1\` ${t.params.or} \`16:9\` |`);
      expect(params).not.toContain("`9:16`");
      const rule = format(t.params.rule, { when: "duration", whenValues: "7", allow: "aspect_ratio", allowValues: "16:9" });
      expect(params).toContain(rule);
      // nano-banana-2's own guide has neither.
      const nano = guideMarkdown(nanoBanana2, locale);
      expect(nano).not.toContain("`3` ");
      expect(nano).not.toContain(rule);
    });

    it(`has one parameter table per mode with the HTML guide's rows (${locale})`, () => {
      const params = section(guideMarkdown(testSpec, locale), t.guide.sections.parameters);
      for (const { id } of testSpec.modes) {
        expect(params).toContain(`### ${format(t.params.caption, { mode: modeLabel(id) })}\n`);
        for (const row of paramRows(testSpec, id)) expect(params).toContain(`| \`${row.path}\` |`);
      }
    });

    it(`has a minimal request per mode that the server accepts, with the model's defaults (${locale})`, () => {
      const requests = section(guideMarkdown(testSpec, locale), messagesFor(locale).markdown.requests);
      const bodies = jsonBlocks(requests);
      // One per mode, then the minimal response.
      expect(bodies.slice(0, testSpec.modes.length)).toEqual(testSpec.modes.map((m) => minimalModeRequest(testSpec, m.id)));
      for (const body of bodies.slice(0, testSpec.modes.length)) {
        expect(parseCreateTaskRequest(body, WITH_TEST)).toMatchObject({ ok: true, value: body });
      }
      expect(bodies[0].input).toMatchObject({ duration: 3, aspect_ratio: "1:1" });
      expect(bodies.at(-1)).toMatchObject({ model: "test-model", status: "queued" });
    });

    it(`has every error with its fix, the FAQ and the polling advice, in the guide's language (${locale})`, () => {
      const md = guideMarkdown(testSpec, locale);
      const errors = section(md, t.guide.sections.errors);
      const words = locale === "en" ? null : (messagesFor(locale) as unknown as { spec: { errors: Record<string, { fix: string }> } }).spec;
      for (const e of ERRORS) {
        expect(errors).toContain(`| ${e.status} | \`${e.type}\` |`);
        expect(errors).toContain(cell(words ? words.errors[e.type].fix : e.fix));
      }
      const faq = section(md, t.guide.sections.faq);
      for (const [i, item] of testSpec.texts[locale].faq.entries()) expect(faq).toContain(`### ${i + 1}. ${item.q}\n\n${item.a}`);
      const polling = section(md, t.markdown.polling);
      expect(polling).toContain(`${POLLING.firstIntervalMs / 1000}`);
      expect(polling).toContain(`${POLLING.timeLimitMs / 60_000}`);
      expect(md).toContain(testSpec.texts[locale].summary[0]);
    });
  }

  it("links its web page, its other language and the related guides, absolute on PUBLIC_ORIGIN", () => {
    vi.stubEnv("PUBLIC_ORIGIN", "https://docs.example.com/ignored/path");
    const md = guideMarkdown(testSpec, "ru");
    expect(md).toContain("[https://docs.example.com/ru/models/test-model](https://docs.example.com/ru/models/test-model)");
    expect(md).toContain("[https://docs.example.com/models/test-model.md](https://docs.example.com/models/test-model.md)");
    expect(md).toContain("[nano-banana-2](https://docs.example.com/ru/models/nano-banana-2.md)");
    vi.stubEnv("PUBLIC_ORIGIN", "");
    expect(guideMarkdown(testSpec, "en")).toContain("[/models/test-model](/models/test-model)");
  });

  it("keeps a table cell on one line and its pipes and tags literal", () => {
    expect(cell("a | b\n  c <key>")).toBe("a \\| b c \\<key>");
  });
});

describe("/llms.txt", () => {
  it("follows llmstxt.org: an H1, a blockquote, then sections of links", () => {
    const txt = llmsTxt(WITH_TEST);
    const lines = txt.split("\n");
    expect(lines[0]).toMatch(/^# \S/);
    expect(lines[2]).toMatch(/^> \S/);
    expect(txt.match(/^## .+$/gm)).toEqual(["## Model guides", "## API", "## Optional"]);
    for (const heading of ["## Model guides", "## API", "## Optional"]) {
      const body = section(txt, heading.slice(3));
      expect(body.split("\n").filter((l) => l.startsWith("- [")).length, heading).toBeGreaterThan(0);
    }
  });

  it("lists every model's guide in every language, Markdown and web page, the test-only one too", () => {
    vi.stubEnv("PUBLIC_ORIGIN", "https://docs.example.com");
    const txt = llmsTxt(WITH_TEST);
    for (const spec of WITH_TEST) {
      expect(txt).toContain(`- [${spec.name} (English)](https://docs.example.com/models/${spec.id}.md): ${spec.texts.en.tagline}`);
      expect(txt).toContain(`- [${spec.name} (Русский)](https://docs.example.com/ru/models/${spec.id}.md): ${spec.texts.ru.tagline}`);
      expect(txt).toContain(`(https://docs.example.com/ru/models/${spec.id})`);
    }
    expect(txt).toContain("[OpenAPI 3.1 document](https://docs.example.com/api/openapi.json)");
    expect(llmsTxt()).not.toContain("test-model");
  });
});
