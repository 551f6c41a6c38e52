/**
 * The guide as Markdown (`/models/{id}.md`, `/ru/models/{id}.md`) and the site's `/llms.txt`, for agents
 * and LLM tools: the same spec, the same texts and the same derived rows as the HTML guide (modes,
 * parameters with allowed values, defaults and cross-field rules, errors with fixes, FAQ, a minimal valid
 * request per mode, the polling advice), in the guide's language.
 *
 * Plain template strings: the output is headings, lists, a few tables and JSON blocks, and a Markdown
 * library would add a dependency and an AST to build for what `cell()` and `text()` below already do
 * (escape a table cell's `|` and line breaks, and a `<` that a renderer would take for HTML).
 */
import { type Allowed, paramDescription, paramRows } from "@/lib/guide/param-rows";
import { guideMarkdownPath, guidePath, LLMS_TXT_PATH, OPENAPI_PATH } from "@/lib/guide/paths";
import { contractTextsFor, format, joinOr, LOCALES, type Locale, localePath, type Messages, messagesFor } from "@/lib/i18n";
import { findModel, MODELS } from "@/lib/models/registry";
import { publicUrl } from "@/lib/public-origin";
import { CONTRACT_MODES, ERRORS, modeLabel, POLLING, TASK_STATUSES, TERMINAL_STATUSES } from "@/lib/spec/contract";
import { minimalCreateResponse, minimalModeRequest, SEED_EXAMPLE, seedExampleIssues } from "@/lib/spec/examples";
import type { ModelSpec } from "@/lib/spec/model-spec";

/** Inline text: a `<` would start an HTML tag in most renderers; a backslash keeps it a character. */
export function text(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/</g, "\\<");
}

/** A table cell: inline text on one line, with its pipes escaped. */
export function cell(value: string): string {
  return text(value)
    .replace(/\|/g, "\\|")
    .replace(/\s*\n\s*/g, " ");
}

const code = (value: string | number) => `\`${value}\``;
const link = (url: string) => `[${url}](${url})`;
const json = (value: unknown) => ["```json", JSON.stringify(value, null, 2), "```"].join("\n");
const bullets = (items: readonly string[]) => items.map((item) => `- ${text(item)}`).join("\n");
const table = (head: string[], rows: string[][]) => [head, head.map(() => "---"), ...rows].map((r) => `| ${r.join(" | ")} |`).join("\n");

function allowedText(allowed: Allowed, t: Messages): string {
  switch (allowed.kind) {
    case "values":
      return joinOr(allowed.values.map(code), t.params.or) + (allowed.unit === "seconds" ? ` (${t.params.seconds})` : "");
    case "length":
      return format(t.params.length, { min: allowed.min, max: allowed.max });
    case "media":
      return [
        format(t.params.mediaCount, { count: joinOr(allowed.counts, t.params.or) }),
        allowed.mimeTypes.map(code).join(", "),
        format(t.params.mediaSize, { size: Math.round(allowed.maxBytes / 1024 / 1024) }),
      ].join(" · ");
  }
}

/** One model's guide as Markdown in `locale`. */
export function guideMarkdown(spec: ModelSpec, locale: Locale): string {
  const t = messagesFor(locale);
  const m = t.markdown;
  const s = t.guide.sections;
  const texts = spec.texts[locale];
  const contract = contractTextsFor(locale);
  const out: string[] = [];

  out.push(`# ${format(t.guide.title, { model: spec.name })}`, `> ${text(texts.tagline)}`);
  const links = [format(m.htmlVersion, { url: link(publicUrl(guidePath(spec, locale))) })];
  for (const other of LOCALES.filter((l) => l.code !== locale)) {
    links.push(format(m.otherLanguage, { language: other.name, url: link(publicUrl(guideMarkdownPath(spec, other.code))) }));
  }
  links.push(format(m.openapi, { url: link(publicUrl(OPENAPI_PATH)) }), format(m.index, { url: link(publicUrl(LLMS_TXT_PATH)) }));
  out.push(links.map((l) => `- ${l}`).join("\n"));

  out.push(`## ${s.summary}`, bullets(texts.summary));
  out.push(`## ${s.capabilities}`, texts.capabilities.map((c) => `- **${text(c.title)}**: ${text(c.text)}`).join("\n"));
  out.push(`## ${s.whenToUse}`, bullets(texts.whenToUse), `## ${s.whenNotToUse}`, bullets(texts.whenNotToUse));
  out.push(`## ${s.howItWorks}`, bullets(texts.howItWorks));

  out.push(
    `## ${m.modes}`,
    spec.modes.map(({ id }) => `- **${modeLabel(id)}** (${code(id)}): ${text(contract.modes[id].description)}`).join("\n"),
  );

  out.push(`## ${m.requests}`, text(m.requestsIntro));
  for (const { id } of spec.modes) out.push(`### ${modeLabel(id)}`, json(minimalModeRequest(spec, id)));
  out.push(`### ${t.examples.response}`, text(t.examples.responseIntro), json(minimalCreateResponse(spec)));
  const issue = spec.id === SEED_EXAMPLE.model ? seedExampleIssues()[0] : undefined;
  if (issue) {
    out.push(
      `### ${t.examples.seedNoteTitle}`,
      `${text(format(t.examples.seedNote, { value: SEED_EXAMPLE.input.duration, param: issue.param }))} ${code(issue.message)}`,
      text(format(t.examples.seedNoteAfter, { allowed: joinOr(spec.durations, t.params.or), default: spec.defaults.duration })),
    );
  }

  out.push(
    `## ${m.polling}`,
    text(
      format(m.pollingText, {
        terminal: joinOr(TERMINAL_STATUSES.map(code), t.params.or),
        statuses: TASK_STATUSES.map(code).join(", "),
        first: POLLING.firstIntervalMs / 1000,
        growth: POLLING.growth,
        max: POLLING.maxIntervalMs / 1000,
        limit: POLLING.timeLimitMs / 60_000,
      }),
    ),
  );

  const c = t.params.columns;
  out.push(`## ${s.parameters}`, text(format(t.params.intro, { shape: code('{ "model", "mode", "input": { … } }') })));
  for (const { id } of spec.modes) {
    const rows = paramRows(spec, id).map((row) => [
      code(row.path),
      cell(row.type),
      row.required ? t.params.yes : t.params.no,
      row.default === null ? t.params.none : code(row.default),
      cell(allowedText(row.allowed, t)),
      cell(paramDescription(row, modeLabel(id), t, texts.fields)),
    ]);
    out.push(
      `### ${format(t.params.caption, { mode: modeLabel(id) })}`,
      text(contract.modes[id].description),
      table([c.name, c.type, c.required, c.default, c.allowed, c.description], rows),
    );
  }

  const e = t.errors.columns;
  out.push(
    `## ${s.errors}`,
    text(m.errorsIntro),
    table(
      [e.status, e.type, e.trigger, e.fix, e.retry],
      ERRORS.map((row) => {
        const words = contract.errors[row.type];
        return [String(row.status), code(row.type), cell(words.trigger), cell(words.fix), cell(words.retry)];
      }),
    ),
  );

  out.push(`## ${s.faq}`, texts.faq.map((item, i) => `### ${i + 1}. ${text(item.q)}\n\n${text(item.a)}`).join("\n\n"));

  const related = spec.related.map((id) => findModel(id)).filter((r) => r !== undefined);
  if (related.length > 0) {
    out.push(
      `## ${s.related}`,
      related.map((r) => `- [${r.name}](${publicUrl(guideMarkdownPath(r, locale))}): ${text(r.texts[locale].tagline)}`).join("\n"),
    );
  }
  return `${out.join("\n\n")}\n`;
}

/**
 * The site's `/llms.txt` (llmstxt.org): an H1, a blockquote summary, a paragraph on how the API works,
 * then sections of links: every model's Markdown guide in every language (with its HTML page), and the
 * API's OpenAPI document. English, like the API's own texts; the Russian guides are listed beside the English.
 */
export function llmsTxt(models: readonly ModelSpec[] = MODELS): string {
  const t = messagesFor("en");
  const modeList = CONTRACT_MODES.map((mode) => mode.label).join(", ");
  const guides = models.flatMap((spec) =>
    LOCALES.map(
      (l) =>
        `- [${spec.name} (${l.name})](${publicUrl(guideMarkdownPath(spec, l.code))}): ${text(spec.texts[l.code].tagline)} ` +
        `Web page with a playground: ${link(publicUrl(guidePath(spec, l.code)))}`,
    ),
  );
  return `${[
    `# ${t.catalog.metaTitle}`,
    `> ${text(t.catalog.metaDescription)} Models: ${models.map((spec) => spec.id).join(", ")}; modes: ${modeList}.`,
    text(
      'Generation is asynchronous: create a task with POST /api/tasks (JSON body `{ "model", "mode", "input": { "prompt", … } }`), ' +
        "then poll GET /api/tasks/{task_id} until its status is succeeded or failed. The server holds the upstream's key: clients send none. " +
        'Every error answers `{ "error": { "type", "message", "param", "request_id", "doc_url", "hint" } }`: ' +
        "`doc_url` links the guide's explanation of the error, `hint` says what to do. " +
        "Each guide lists the model's modes, every parameter with its allowed values and default, the errors with their fixes, " +
        "the FAQ and a minimal valid request per mode.",
    ),
    "## Model guides",
    guides.join("\n"),
    "## API",
    `- [OpenAPI 3.1 document](${publicUrl(OPENAPI_PATH)}): every route of the API, each model's create body with its allowed values and defaults, and the error envelope.`,
    "## Optional",
    `- [${t.catalog.title}](${publicUrl(localePath("en", "/models"))}): ${text(t.catalog.intro)}`,
  ].join("\n\n")}\n`;
}
