import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { PlaygroundPage } from "./playground-page";

/**
 * Every visitor: the Russian page has no English where people read or hear it, and axe finds nothing,
 * in every mode and in the states idle, invalid, running, succeeded and failed, light and dark.
 */

const MODES = [
  { id: "text-to-video", label: "Text-to-Video" },
  { id: "image-to-video", label: "Image-to-Video" },
  { id: "r2v", label: "R2V" },
  { id: "video-edit", label: "Video Edit" },
] as const;

/**
 * Latin words allowed on the Russian page: proper names (models, modes, formats, tools), the contract's own
 * identifiers (field names, statuses, headers, environment variables, dialects) and units written the same
 * in Russian. Everything else in Latin letters is an untranslated string.
 */
const ALLOWED = new Set(
  [
    // models, modes, products, formats
    "nano-banana-2",
    "gemini-omni-flash",
    "gemini-omni",
    "Text-to-Video",
    "Image-to-Video",
    "R2V",
    "Video",
    "Edit",
    "API",
    "HTTP",
    "HTTPS",
    "https",
    "JSON",
    "URL",
    "MP4",
    "MOV",
    "WebM",
    "JPEG",
    "PNG",
    "WebP",
    "curl",
    "JavaScript",
    "Python",
    "Node",
    "OpenAPI",
    "FAQ",
    "ffmpeg",
    "H.264",
    "Bearer",
    "task_id",
    "id",
    // the contract's identifiers, as they are sent
    "prompt",
    "aspect_ratio",
    "duration",
    "resolution",
    "image_url",
    "reference_image_urls",
    "video_url",
    "model",
    "mode",
    "input",
    "queued",
    "running",
    "succeeded",
    "failed",
    "Idempotency-Key",
    "Retry-After",
    "x-simulate",
    "generation.task",
    "task-contract",
    "generation-task",
    "P",
    // HTTP header names, the R2V mode's expansion
    "Authorization",
    "Origin",
    "Sec-Fetch-Site",
    "Reference-to-video",
  ].map((w) => w.toLowerCase()),
);

/** The visible text (and what assistive technology reads: aria-labels, live regions) of the page, outside code and JSON views. */
async function readableTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    // Code, JSON views and anything marked as another language (the language switcher's "English", the API's own messages).
    const skip = (el: Element | null) =>
      !!el?.closest("code, pre, .json-view, textarea, script, style, noscript") ||
      !(el?.closest("[lang]")?.getAttribute("lang") ?? "ru").startsWith("ru");
    const visible = (el: Element) => {
      const style = getComputedStyle(el);
      if (style.visibility === "hidden" || style.display === "none") return false;
      // Screen-reader-only text (sr-only) counts: it is heard.
      return el.getClientRects().length > 0 || el.closest(".sr-only") !== null;
    };
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent?.trim();
      if (!text || !parent || skip(parent) || !visible(parent) || parent.closest("[hidden]")) continue;
      out.push(text);
    }
    for (const el of document.querySelectorAll("[aria-label], [placeholder], [title], [alt]")) {
      if (skip(el) || el.closest("[hidden]")) continue;
      for (const attr of ["aria-label", "placeholder", "title", "alt"]) {
        const v = el.getAttribute(attr);
        if (v) out.push(v);
      }
    }
    return out;
  });
}

/** The words in Latin letters that are neither allowed nor part of an identifier-like token (URLs, paths, ids). */
function englishWords(texts: string[]): string[] {
  const found = new Set<string>();
  for (const text of texts) {
    // A literal quoted «like this» (a gateway's message) is quoted, not said.
    for (const token of text.replace(/«[^»]*»/g, " ").split(/[\s,;:!?()"“”'’…·—–]+/)) {
      const word = token.replace(/^[.[\]{}]+|[.[\]{}%]+$/g, "");
      if (!/[A-Za-z]{2,}/.test(word)) continue;
      // Identifiers, paths, URLs, ids, environment variables, placeholders: not words of a language.
      if (/^(https?:\/\/|\/|task_|\$|<)/.test(word) || /[_=@]|\d|[a-z]\.[a-z]/i.test(word) || /^[A-Z0-9_]{3,}$/.test(word)) continue;
      // A Russian compound with a Latin part (HTTP-запрос, API-ключ): its Latin parts are checked.
      const parts = ALLOWED.has(word.toLowerCase()) ? [] : word.split("-").filter((p) => /[A-Za-z]{2,}/.test(p));
      for (const part of parts) if (!ALLOWED.has(part.toLowerCase())) found.add(`${part}  ⟵ ${text.slice(0, 80)}`);
    }
  }
  return [...found];
}

async function expectRussian(page: Page, state: string) {
  const words = englishWords(await readableTexts(page));
  expect(words, `English on /ru (${state})`).toEqual([]);
}

async function pickMode(page: Page, label: string) {
  // The radios are visually hidden inside their labels (a segmented control): a click on the label.
  await page
    .locator("label")
    .filter({ has: page.getByRole("radio", { name: label, exact: true }) })
    .click();
  await expect(page.getByRole("radio", { name: label, exact: true })).toBeChecked();
}

test.describe("Russian all the way through", () => {
  test("a visible string on /ru is English: none, in every mode and state", async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto("/ru");
    await expect(page.getByRole("button", { name: "Запустить задачу" })).toBeVisible();
    await expect(page.getByRole("radio", { name: "curl" })).toBeVisible({ timeout: 30_000 });
    for (const mode of MODES) {
      await pickMode(page, mode.label);
      await expectRussian(page, `${mode.id}, idle`);
      // Invalid: the prompt emptied after typing (and the mode's media missing).
      const prompt = page.getByRole("textbox", { name: /промпт/i });
      await prompt.fill("x");
      await prompt.fill("");
      await expect(page.locator("#nb2-prompt-error")).toBeVisible();
      await expectRussian(page, `${mode.id}, invalid`);
      await prompt.fill("Рассвет над городом");
    }
    await pickMode(page, "Text-to-Video");
    const sim = page.getByLabel("Симуляция");
    const run = page.getByRole("button", { name: "Запустить задачу" });
    const status = page.getByRole("status", { name: "Статус задачи" });

    // Running: the long task, watched, then stopped.
    await sim.selectOption("long-task");
    await run.click();
    await expect(status).toHaveText("выполняется");
    await expectRussian(page, "running");
    await page.getByRole("button", { name: "Перестать следить" }).click();
    await expect(status).toHaveText("не отслеживается");
    await expectRussian(page, "stopped watching");

    // Succeeded.
    await sim.selectOption("none");
    await run.click();
    await expect(status).toHaveText("готово", { timeout: 60_000 });
    await expect(page.getByTestId("video-measured")).toBeVisible();
    // The key's placeholder stays as recorded (code); what it means is said in Russian beside it.
    await expect(page.getByText("подставляет сервер; браузер ключ не получает").first()).toBeVisible();
    await expectRussian(page, "succeeded");

    // Failed: the task fails (content policy), the create is refused (400), the policy gives up (429).
    for (const [scenario, alert] of [
      ["content-policy", "Задача не удалась"],
      ["bad-request", "Ошибка"],
      ["rate-limit-always", "Ошибка"],
    ] as const) {
      await sim.selectOption(scenario);
      await run.click();
      await expect(page.getByRole("alert", { name: alert })).toBeVisible({ timeout: 60_000 });
      if (scenario === "bad-request") {
        // The guide's explanation of the error, in the page's language.
        const doc = page.getByRole("alert", { name: alert }).getByRole("link", { name: /Об этой ошибке в руководстве/ });
        await expect(doc).toHaveAttribute("href", "/ru/models/nano-banana-2#error-invalid_request_error");
      }
      await expectRussian(page, `failed: ${scenario}`);
    }
  });

  test("numbers in the retry policy's words are written the Russian way", async ({ page }) => {
    await page.goto("/ru");
    await page.getByRole("textbox", { name: /промпт/i }).fill("Рассвет над городом");
    await page.getByLabel("Симуляция").selectOption("server-error-twice");
    await page.getByRole("button", { name: "Запустить задачу" }).click();
    await expect(page.getByRole("status", { name: "Статус задачи" })).toHaveText("готово", { timeout: 60_000 });
    await expect(page.getByText("HTTP 500: временный сбой, ждём 0,5 с перед повтором 1 из 3.")).toBeVisible();
    await expect(page.getByText(/ждём \d+\.\d/)).toHaveCount(0);
  });

  test("the English page's playground stays English (the same check finds the Russian words missing there)", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("button", { name: "Run task" })).toBeVisible();
    // Read as if it were the Russian page: the same check must find the English.
    await page.evaluate(() => document.documentElement.setAttribute("lang", "ru"));
    expect(englishWords(await readableTexts(page)).length).toBeGreaterThan(20);
  });

  test("the embed takes ?lang=ru", async ({ page }) => {
    await page.goto("/embed/nano-banana-2?lang=ru");
    await expect(page.getByRole("button", { name: "Запустить задачу" })).toBeVisible();
    await expect(page.locator("main")).toHaveAttribute("lang", "ru");
    await expectRussian(page, "embed, idle");
  });

  test("switching the language keeps what was typed into the playground, and its mode", async ({ page }) => {
    await page.goto("/");
    await page
      .locator("label")
      .filter({ has: page.getByRole("radio", { name: "Image-to-Video" }) })
      .click();
    await page.getByRole("textbox", { name: /prompt/i }).fill("A lighthouse keeper's cat on the stairs");
    // The form keeps its state in the address bar a moment after the last change.
    await expect(page).toHaveURL(/prompt=A\+lighthouse/);
    await page.getByRole("link", { name: "Русский" }).click();
    await expect(page).toHaveURL(/\/ru\?.*prompt=A\+lighthouse/);
    await expect(page.getByRole("button", { name: "Запустить задачу" })).toBeVisible();
    await expect(page.getByRole("radio", { name: "Image-to-Video" })).toBeChecked();
    await expect(page.getByRole("textbox", { name: /промпт|prompt/i })).toHaveValue("A lighthouse keeper's cat on the stairs");
    // And back.
    await page.getByRole("link", { name: "English" }).click();
    await expect(page.getByRole("button", { name: "Run task" })).toBeVisible();
    await expect(page.getByRole("textbox", { name: /prompt/i })).toHaveValue("A lighthouse keeper's cat on the stairs");
  });
});

/** axe with every rule of WCAG 2.x A/AA and best practices: no violation of any impact. */
async function expectNoViolations(page: Page, where: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(summary, where).toEqual([]);
}

const PAGES = [
  { path: "/", run: "Run task", sim: "Simulate", status: "Task status" },
  { path: "/ru", run: "Запустить задачу", sim: "Симуляция", status: "Статус задачи" },
  { path: "/embed/nano-banana-2", run: "Run task", sim: "Simulate", status: "Task status" },
  { path: "/embed/nano-banana-2?lang=ru", run: "Запустить задачу", sim: "Симуляция", status: "Статус задачи" },
] as const;

for (const p of PAGES) {
  for (const scheme of ["light", "dark"] as const) {
    test(`axe: ${p.path}, ${scheme}, every mode, idle, invalid, running, succeeded, failed`, async ({ page }) => {
      test.setTimeout(180_000);
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: "reduce" });
      await page.goto(p.path);
      await expect(page.getByRole("button", { name: p.run })).toBeVisible();
      await page.waitForLoadState("networkidle");
      for (const mode of MODES) {
        await pickMode(page, mode.label);
        await expectNoViolations(page, `${p.path} ${scheme} ${mode.id} idle`);
      }
      await pickMode(page, "Text-to-Video");
      const pg = new PlaygroundPage(page);
      const prompt = page.locator("#nb2-prompt");
      await prompt.fill("x");
      await prompt.fill("");
      await expect(page.locator("#nb2-prompt-error")).toBeVisible();
      await expectNoViolations(page, `${p.path} ${scheme} invalid`);
      await prompt.fill("A lighthouse at dusk");
      const sim = page.getByLabel(p.sim);
      const status = page.getByRole("status", { name: p.status });
      const run = page.getByRole("button", { name: p.run });
      await sim.selectOption("long-task");
      await run.click();
      await expect(status).toHaveText(/running|выполняется/);
      await expectNoViolations(page, `${p.path} ${scheme} running`);
      await sim.selectOption("none");
      await run.click();
      await expect(pg.page.getByTestId("video-measured")).toBeVisible({ timeout: 60_000 });
      await expectNoViolations(page, `${p.path} ${scheme} succeeded`);
      await sim.selectOption("content-policy");
      await run.click();
      await expect(page.getByRole("alert").first()).toBeVisible({ timeout: 60_000 });
      await expectNoViolations(page, `${p.path} ${scheme} failed`);
      // Refused (400): the card with the field at fault and the link to the guide's explanation.
      await sim.selectOption("bad-request");
      await run.click();
      await expect(page.getByRole("alert").getByRole("link").first()).toBeVisible({ timeout: 60_000 });
      await expectNoViolations(page, `${p.path} ${scheme} refused`);
    });
  }
}

/**
 * The guide on a phone (390×844): its reference tables are wider than the screen and scroll sideways in
 * their own regions, which a keyboard must be able to reach (axe: scrollable-region-focusable).
 */
const GUIDES = [
  { path: "/", region: "Parameters of Text-to-Video", errors: "Errors, what triggers them, how to fix them and whether to retry" },
  { path: "/ru", region: "Параметры режима Text-to-Video", errors: "Ошибки: причина, исправление и нужно ли повторять" },
  {
    path: "/models/gemini-omni-flash",
    region: "Parameters of Text-to-Video",
    errors: "Errors, what triggers them, how to fix them and whether to retry",
  },
  {
    path: "/ru/models/gemini-omni-flash",
    region: "Параметры режима Text-to-Video",
    errors: "Ошибки: причина, исправление и нужно ли повторять",
  },
] as const;

for (const g of GUIDES) {
  test(`axe: the guide ${g.path} on a phone (390×844); its tables scroll sideways in named regions a keyboard reaches`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.emulateMedia({ reducedMotion: "reduce" });
    await page.goto(g.path);
    await page.waitForLoadState("networkidle");
    // The tables sit in sections laid out only near the viewport (content-visibility: auto): bring each into view.
    for (const id of ["parameters", "errors"]) await page.locator(`#${id}`).scrollIntoViewIfNeeded();
    await expectNoViolations(page, `${g.path} phone`);
    // No cell's content runs into the next column (`input.aspect_ratio` into the types, "Required" into "Default").
    const overflowing = await page
      .locator("#parameters table :is(th, td)")
      .evaluateAll((cells) => cells.filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => (c.textContent ?? "").slice(0, 40)));
    expect(overflowing, "cells wider than their column").toEqual([]);
    const params = page.getByRole("region", { name: g.region, exact: true });
    const errors = page.getByRole("region", { name: g.errors, exact: true });
    for (const region of [params, errors]) {
      await expect(region).toBeVisible();
      // Wider than the phone: it really scrolls, so it needs to be focusable.
      expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    }
    // Focused from the keyboard, the arrow keys scroll it.
    await params.focus();
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => params.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  });
}
