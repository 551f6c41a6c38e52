import { expect, type Locator, type Page, test } from "@playwright/test";
import { nanoBanana2 as model } from "../lib/models/nano-banana-2";
import {
  ERRORS,
  FIELD_TYPES,
  type FieldName,
  IMAGE_LIMITS,
  CONTRACT_MODES as MODES,
  type ModeId,
  PROMPT_MAX_CHARS,
  VIDEO_LIMITS,
} from "../lib/spec/contract";
import { allowedValues as specAllowed, fieldsOf as specFieldsOf, specMessages } from "../lib/spec/model-spec";
import en from "../messages/en.json" with { type: "json" };
import ru from "../messages/ru.json" with { type: "json" };

// `/` is nano-banana-2's guide: everything below is read from its spec.
const MODEL_ID = model.id;
const DOCS = model.texts.en;
const FAQ = model.texts.en.faq;
const DEFAULTS = model.defaults;
const DURATIONS = model.durations;
const ASPECT_RATIO_VALUES = model.aspectRatios;
const RESOLUTIONS = specAllowed(model, "resolution").map(String);
const MESSAGES = specMessages(model);
const fieldsOf = (mode: ModeId) => specFieldsOf(model, mode);
const REQUIRED: FieldName[] = ["prompt", "image_url", "reference_image_urls", "video_url"];

/** The guide, read from the spec: the test changes nothing in the page, it only compares. */
const section = (page: Page, title: string) => page.getByRole("region", { name: title, exact: true });

async function readJson(group: Locator): Promise<unknown> {
  // The JSON view shows the copy button's word on its first line, then the JSON as a person sees it.
  // Sections below the playground are laid out only near the viewport (content-visibility: auto), and
  // innerText is the rendered text (empty until the next frame lays it out): read it where a person
  // reads it, on screen.
  await group.scrollIntoViewIfNeeded();
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what is read here (see above), not the DOM's
  await expect.poll(() => group.innerText()).toContain("{");
  // biome-ignore lint/performance/useDomNodeTextContent: as above
  const text = await group.innerText();
  return JSON.parse(text.slice(text.indexOf("{")));
}

function allowedValues(field: FieldName): string[] {
  switch (field) {
    case "prompt":
      return [String(PROMPT_MAX_CHARS)];
    case "aspect_ratio":
      return [...ASPECT_RATIO_VALUES];
    case "duration":
      return DURATIONS.map(String);
    case "resolution":
      return [...RESOLUTIONS];
    case "image_url":
    case "reference_image_urls":
      return [...IMAGE_LIMITS.mimeTypes];
    case "video_url":
      return [...VIDEO_LIMITS.mimeTypes];
  }
}

test.describe("the guide page", () => {
  test("shows every section with the spec's texts", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${MODEL_ID} API`);
    const s = en.guide.sections;
    for (const line of DOCS.summary) await expect(section(page, s.summary).getByText(line, { exact: true })).toBeVisible();
    for (const c of DOCS.capabilities) {
      await expect(section(page, s.capabilities).getByRole("heading", { name: c.title })).toBeVisible();
      await expect(section(page, s.capabilities).getByText(c.text, { exact: true })).toBeVisible();
    }
    for (const line of DOCS.whenToUse) await expect(section(page, s.whenToUse).getByText(line, { exact: true })).toBeVisible();
    for (const line of DOCS.whenNotToUse) await expect(section(page, s.whenNotToUse).getByText(line, { exact: true })).toBeVisible();
    for (const line of DOCS.howItWorks) await expect(section(page, s.howItWorks).getByText(line, { exact: true })).toBeVisible();
    await expect(section(page, s.playground).getByRole("button", { name: /run task/i })).toBeVisible();
    const faq = section(page, s.faq);
    for (const [i, item] of FAQ.entries()) {
      await expect(faq.getByRole("heading", { name: `${i + 1}. ${item.q}` })).toBeVisible();
      await expect(faq.getByText(item.a, { exact: true })).toBeVisible();
    }
  });

  test("the minimal request carries the spec's defaults and the server accepts it; the seed's duration 5 is explained", async ({
    page,
    request,
  }) => {
    await page.goto("/");
    const examples = section(page, en.guide.sections.examples);
    const body = (await readJson(examples.getByRole("group", { name: en.examples.request }))) as Record<string, any>;
    expect(body).toMatchObject({ model: MODEL_ID, mode: MODES[0].id, input: { ...DEFAULTS } });
    const answer = (await readJson(examples.getByRole("group", { name: en.examples.response }))) as Record<string, any>;
    expect(answer).toMatchObject({ model: MODEL_ID, mode: MODES[0].id, status: "queued" });

    const res = await request.post("/api/tasks", { data: body });
    expect(res.status()).toBe(200);
    const task = await res.json();
    expect(Object.keys(task).sort()).toEqual(expect.arrayContaining(Object.keys(answer).sort()));
    expect(task).toMatchObject({ model: MODEL_ID, mode: body.mode, status: "queued" });

    const note = examples.getByRole("note", { name: en.examples.seedNoteTitle });
    await expect(note).toContainText('"duration": 5');
    await expect(note).toContainText("input.duration");
    await expect(note).toContainText(MESSAGES.duration);
  });

  test("one parameter table per mode, row by row from the spec", async ({ page }) => {
    await page.goto("/");
    const params = section(page, en.guide.sections.parameters);
    for (const mode of MODES) {
      const table = params.getByRole("table", { name: new RegExp(`^Parameters of ${mode.label}\\b`) });
      await expect(table).toBeVisible();
      const rows = table.locator("tbody tr");
      await expect(rows).toHaveCount(2 + fieldsOf(mode.id).length);
      await expect(table.getByRole("row", { name: /^model / })).toContainText(MODEL_ID);
      await expect(table.getByRole("row", { name: /^mode / })).toContainText(mode.id);
      for (const field of fieldsOf(mode.id)) {
        const defaults: Partial<Record<FieldName, string | number>> = DEFAULTS;
        const cells = table.getByRole("row", { name: new RegExp(`^input\\.${field} `) }).getByRole("cell");
        await expect(cells.nth(0), `${mode.id} ${field} type`).toHaveText(FIELD_TYPES[field]);
        await expect(cells.nth(1)).toHaveText(REQUIRED.includes(field) ? en.params.yes : en.params.no);
        await expect(cells.nth(2)).toHaveText(defaults[field] === undefined ? en.params.none : String(defaults[field]));
        for (const value of allowedValues(field)) await expect(cells.nth(3), `${mode.id} ${field} allows ${value}`).toContainText(value);
        await expect(cells.nth(4)).toHaveText(DOCS.fields[field]);
      }
      if (mode.id === "video-edit") await expect(table.getByRole("row", { name: /^input\.duration / })).toHaveCount(0);
    }
  });

  test("the error table lists every error with its trigger, fix and retry advice", async ({ page }) => {
    await page.goto("/");
    const table = section(page, en.guide.sections.errors).getByRole("table");
    await expect(table.locator("tbody tr")).toHaveCount(ERRORS.length);
    for (const e of ERRORS) {
      const row = table.getByRole("row", { name: new RegExp(`\\b${e.type}\\b`) });
      await expect(row.getByRole("cell")).toHaveText([String(e.status), e.trigger, e.fix, e.retry]);
    }
  });

  test("reads without JavaScript: every section's text is in the page and shown", async ({ browser }) => {
    // Documentation must not depend on scripts (readers, crawlers, a blocked bundle): nothing of the
    // guide may be streamed hidden and revealed by script.
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/");
    const examples = section(page, en.guide.sections.examples);
    await examples.scrollIntoViewIfNeeded();
    await expect(examples.getByRole("group", { name: en.examples.request })).toContainText('"mode"');
    const params = section(page, en.guide.sections.parameters);
    await expect(params.getByRole("table")).toHaveCount(4);
    await params.getByRole("table").last().scrollIntoViewIfNeeded();
    await expect(params.getByRole("table").last()).toBeVisible();
    await expect(section(page, en.guide.sections.errors).getByRole("rowheader", { name: "rate_limit_exceeded" })).toBeVisible();
    await expect(section(page, en.guide.sections.faq).getByText(FAQ[0].a, { exact: true })).toBeVisible();
    await context.close();
  });

  test("the Russian page renders from the language switch, with the translated spec texts", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("navigation", { name: en.nav.language }).getByRole("link", { name: "Русский" }).click();
    // Only the path: the playground writes its form's state into the query a moment after it hydrates.
    await expect(page).toHaveURL((url) => url.pathname === "/ru");
    await expect(page.locator("html")).toHaveAttribute("lang", "ru");
    const s = ru.guide.sections;
    for (const title of Object.values(s)) await expect(page.getByRole("heading", { name: title, exact: true })).toBeVisible();
    for (const line of model.texts.ru.summary) await expect(section(page, s.summary).getByText(line, { exact: true })).toBeVisible();
    for (const item of model.texts.ru.faq) await expect(section(page, s.faq).getByText(item.a, { exact: true })).toBeVisible();
    const firstError = section(page, s.errors).getByRole("row", { name: /invalid_request_error/ });
    await expect(firstError).toContainText(ru.spec.errors.invalid_request_error.trigger);
    await expect(section(page, s.parameters).getByRole("table", { name: /^Параметры режима R2V/ })).toContainText(
      model.texts.ru.fields.reference_image_urls,
    );
    await expect(section(page, s.playground).getByRole("button", { name: /run task/i })).toBeVisible();
    // And back.
    await page.getByRole("navigation", { name: ru.nav.language }).getByRole("link", { name: "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
  });
});

test.describe("themes", () => {
  /** Records the theme at the moment <body> is first parsed, i.e. before anything could be painted. */
  async function themeAtFirstPaint(page: Page) {
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (!document.body) return;
        (window as unknown as { __themeAtBody: string | undefined }).__themeAtBody = document.documentElement.dataset.theme;
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
  }
  const recorded = (page: Page) => page.evaluate(() => (window as unknown as { __themeAtBody?: string }).__themeAtBody);
  const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

  test("follows the system setting", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "dark" });
    await themeAtFirstPaint(page);
    await page.goto("/");
    expect(await recorded(page)).toBe("dark");
    const dark = await background(page);
    await page.emulateMedia({ colorScheme: "light" });
    await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
    expect(await background(page)).not.toBe(dark);
  });

  test("is switchable and remembered, with no flash of the other theme on reload", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "light" });
    await themeAtFirstPaint(page);
    await page.goto("/");
    const light = await background(page);
    await page.getByRole("group", { name: en.nav.theme }).getByText(en.nav.themes.dark, { exact: true }).click();
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
    expect(await background(page)).not.toBe(light);
    await page.reload();
    expect(await recorded(page)).toBe("dark");
    await expect(page.getByRole("radio", { name: en.nav.themes.dark })).toBeChecked();
    await page.getByRole("group", { name: en.nav.theme }).getByText(en.nav.themes.system, { exact: true }).click();
    await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  });
});
