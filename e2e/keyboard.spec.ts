import { expect, type Page, test } from "@playwright/test";

/**
 * The whole flow with the keyboard alone: no click, no mouse. Every control of the playground is reached
 * with Tab in reading order; a task runs; watching stops; curl is copied; the embed dialog opens and
 * Escape leaves it, focus back on its button.
 */

/** What assistive technology would call the focused element (enough for this page's controls). */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return "";
    const labelled = el.getAttribute("aria-labelledby");
    const name =
      el.getAttribute("aria-label") ??
      (labelled ? document.getElementById(labelled)?.textContent : null) ??
      (el as HTMLInputElement).labels?.[0]?.textContent ??
      el.textContent ??
      "";
    return `${el.tagName.toLowerCase()}:${name.replace(/\s+/g, " ").trim()}`;
  });
}

/** Tabs forward until the focused element's name matches, returning every stop on the way. */
async function tabTo(page: Page, target: RegExp, max = 120): Promise<string[]> {
  const stops: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const now = await focused(page);
    stops.push(now);
    if (target.test(now)) return stops;
  }
  throw new Error(`${target} not reached with Tab; stops: ${stops.join(" | ")}`);
}

test("keyboard only: every control in order, run, stop watching, copy curl, the embed dialog and Escape", async ({ page, context }) => {
  test.setTimeout(120_000);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/");
  await expect(page.getByRole("radio", { name: "curl" })).toBeVisible({ timeout: 30_000 });

  // From the top of the page, the playground's controls come in reading order; the run button once the
  // prompt is written (until then it is disabled and says why below itself).
  const stops = await tabTo(page, /^textarea:Prompt$/);
  await page.keyboard.type("A lighthouse at dusk, waves below");
  stops.push(...(await tabTo(page, /^button:Run task/)));
  const order = [
    /^a:Try it$/,
    /^button:Embed$/,
    /^input:Text-to-Video$/,
    /^textarea:Prompt$/,
    /^input:16:9/,
    /^input:6 s$/,
    /^select:Resolution$/,
    /^select:Simulate$/,
    /^button:Run task/,
  ];
  let at = -1;
  for (const step of order) {
    const next = stops.findIndex((s, i) => i > at && step.test(s));
    expect(next, `${step} after ${stops[at] ?? "the start"}; stops: ${stops.join(" | ")}`).toBeGreaterThan(at);
    at = next;
  }

  // Modes with the arrow keys (a radio group), and back.
  await page.keyboard.press("Shift+Tab");
  for (let i = 0; i < 40 && !/^input:Text-to-Video$/.test(await focused(page)); i++) await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("radio", { name: "Image-to-Video" })).toBeChecked();
  await page.keyboard.press("ArrowLeft");
  await expect(page.getByRole("radio", { name: "Text-to-Video" })).toBeChecked();

  // Choose the long task in Simulate, run.
  await tabTo(page, /^select:Simulate$/);
  for (let i = 0; i < 20 && (await page.getByLabel("Simulate").inputValue()) !== "long-task"; i++) await page.keyboard.press("ArrowDown");
  await expect(page.getByLabel("Simulate")).toHaveValue("long-task");
  await tabTo(page, /^button:Run task/);
  await page.keyboard.press("Enter");
  const status = page.getByRole("status", { name: "Task status" });
  await expect(status).toHaveText(/queued|running/);

  // Stop watching, from the keyboard.
  await tabTo(page, /^button:Stop watching$/);
  await page.keyboard.press("Enter");
  await expect(status).toHaveText("not watching");

  // Copy curl: back to the hand-off, curl is its chosen format; its copy button.
  for (let i = 0; i < 80 && !/^button:Copy as curl$/.test(await focused(page)); i++) await page.keyboard.press("Shift+Tab");
  expect(await focused(page)).toBe("button:Copy as curl");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Copy as curl" })).toHaveText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^curl /);

  // The embed dialog: open it, Escape leaves it, focus returns to the button.
  for (let i = 0; i < 80 && (await focused(page)) !== "button:Embed"; i++) await page.keyboard.press("Shift+Tab");
  expect(await focused(page)).toBe("button:Embed");
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  expect(await focused(page)).toBe("button:Embed");
});
