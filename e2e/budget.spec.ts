import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { expect, type Page, test } from "@playwright/test";
import { waitForLatePanels } from "./playground-page";

/**
 * The size budget, on the build the other end-to-end tests use (no second build): the scripts a page
 * loads before its run button is usable (the `run-button-usable` mark), gzipped as `npm run bench:web`
 * counts them, at most 50 KiB above the bare Next page's (bench/yardstick-baseline.json, refreshed with
 * `npm run bench:web -- --write-baseline`), and the embed's below the guide's. Bytes only: never times.
 */
const BUDGET_KIB = 50;
const baseline = JSON.parse(readFileSync(new URL("../bench/yardstick-baseline.json", import.meta.url), "utf8")) as { firstLoadKiB: number };

async function firstLoadKiB(page: Page, path: string): Promise<number> {
  const bodies = new Map<string, Promise<number>>();
  page.on("response", (res) => {
    if (res.request().resourceType() === "script")
      bodies.set(
        res.url(),
        res.body().then(
          (b) => gzipSync(b, { level: 6 }).length,
          () => 0,
        ),
      );
  });
  await page.goto(path);
  await page.waitForFunction(() => performance.getEntriesByName("run-button-usable").length > 0);
  const started = await page.evaluate(() => {
    const usable = performance.getEntriesByName("run-button-usable")[0].startTime;
    return performance
      .getEntriesByType("resource")
      .filter((e) => e.startTime <= usable)
      .map((e) => e.name);
  });
  let total = 0;
  for (const url of started) total += (await bodies.get(url)) ?? 0;
  return total / 1024;
}

test("every guide's first-load scripts stay within 50 KiB (gzipped) of a bare Next page; each embed's below", async ({ browser }) => {
  const measure = async (path: string) => {
    const context = await browser.newContext();
    try {
      return await firstLoadKiB(await context.newPage(), path);
    } finally {
      await context.close();
    }
  };
  const over = (kib: number) => `${(kib - baseline.firstLoadKiB).toFixed(1)} KiB above the yardstick's ${baseline.firstLoadKiB} KiB`;
  for (const [guidePath, embedPath] of [
    ["/", "/embed/nano-banana-2"],
    ["/models/gemini-omni-flash", "/embed/gemini-omni-flash"],
  ]) {
    const guide = await measure(guidePath);
    const embed = await measure(embedPath);
    expect(guide - baseline.firstLoadKiB, `${guidePath}: ${guide.toFixed(1)} KiB, ${over(guide)}`).toBeLessThanOrEqual(BUDGET_KIB);
    expect(embed, `${embedPath}: ${embed.toFixed(1)} KiB, ${over(embed)}; guide ${guide.toFixed(1)} KiB`).toBeLessThan(guide);
  }
});

test("the scripts a page hydrates with carry V8's compile hint; the ones it loads later do not", async ({ browser }) => {
  // `npm run build` marks the first-load scripts (scripts/compile-hints.mjs): the browser compiles them
  // while they stream in rather than on the main thread during hydration.
  for (const path of ["/", "/embed/nano-banana-2"]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const heads = new Map<string, Promise<string>>();
    page.on("response", (res) => {
      if (res.request().resourceType() === "script")
        heads.set(
          res.url(),
          res.text().then(
            (t) => t.slice(0, 40),
            () => "",
          ),
        );
    });
    await page.goto(path);
    await page.waitForFunction(() => performance.getEntriesByName("run-button-usable").length > 0);
    // The task engine and the hand-off load once the page is idle.
    await expect(page.getByRole("button", { name: "Copy as curl" })).toBeVisible();
    const usable = await page.evaluate(() => performance.getEntriesByName("run-button-usable")[0].startTime);
    const starts = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => [e.name, e.startTime] as const));
    const first: string[] = [];
    const later: string[] = [];
    for (const [url, start] of starts) {
      const head = heads.get(url);
      if (!head) continue;
      (start <= usable ? first : later).push(`${url.split("/").pop()}: ${JSON.stringify(await head)}`);
    }
    expect(first.length, `${path}: scripts before the run button was usable`).toBeGreaterThan(0);
    for (const s of first) expect(s, path).toContain("//# allFunctionsCalledOnLoad");
    expect(later.length, `${path}: scripts loaded once idle`).toBeGreaterThan(0);
    for (const s of later) expect(s, path).not.toContain("//# allFunctionsCalledOnLoad");
    await context.close();
  }
});

test("until the reader acts, the page loads no validation code and leaves its address as it came; the first change brings both", async ({
  page,
}) => {
  // zod (with the schema) is the largest chunk after the first load: it comes with the form's first change.
  const scripts: Promise<string>[] = [];
  page.on("response", (res) => {
    if (res.request().resourceType() === "script") scripts.push(res.text().catch(() => ""));
  });
  const zodLoaded = async () => (await Promise.all(scripts)).some((body) => body.includes("ZodError"));
  await page.goto("/embed/nano-banana-2?prompt=A+fox");
  // The panels loaded once the page is idle are in; then a second, four times the address bar's delay
  // (250 ms): what does not happen in it is what the reader sees not happen.
  await expect(page.getByRole("radio", { name: "curl" })).toBeVisible();
  await page.waitForTimeout(1000);
  expect(await zodLoaded()).toBe(false);
  expect(new URL(page.url()).search).toBe("?prompt=A+fox");

  await page.getByRole("textbox", { name: /prompt/i }).fill("A fox at dusk");
  await expect.poll(zodLoaded).toBe(true);
  await expect(page).toHaveURL(/[?&]prompt=A\+fox\+at\+dusk(&|$)/);
  await expect(page).toHaveURL(/[?&]mode=text-to-video(&|$)/);
});

test("no Intl formatter is created while the page loads (the browser's ICU data loads with the first thing that formats), on the guide and the embed, in both languages and every kind of media field", async ({
  page,
}) => {
  // As a string: the test runner's transform would otherwise add helpers that do not exist in the page.
  await page.addInitScript({
    content: `
      window.__intl = [];
      for (const name of ["NumberFormat", "DateTimeFormat", "PluralRules", "RelativeTimeFormat", "ListFormat"]) {
        Intl[name] = new Proxy(Intl[name], {
          construct(target, args) { window.__intl.push(name); return Reflect.construct(target, args); },
          apply(target, self, args) { window.__intl.push(name); return Reflect.apply(target, self, args); },
        });
      }`,
  });
  const paths = ["/", "/ru", "/embed/nano-banana-2", "/embed/nano-banana-2?lang=ru"];
  // Links may open in a mode with media fields (their size and counts are numbers too).
  paths.push("/?mode=image-to-video", "/ru?mode=r2v", "/embed/nano-banana-2?mode=video-edit&lang=ru");
  for (const path of paths) {
    await page.goto(path);
    await page.waitForFunction(() => performance.getEntriesByName("run-button-usable").length > 0);
    // Then the page goes idle and loads what it defers (the task engine, the hand-off, the history): still none.
    await waitForLatePanels(page);
    const created = await page.evaluate(() => (window as unknown as { __intl: string[] }).__intl);
    expect(created, path).toEqual([]);
  }
  // The ICU data still loads when something formats: a run's output (its times and durations).
  await page.goto("/embed/nano-banana-2");
  await page.getByRole("textbox", { name: /prompt/i }).fill("A lighthouse in fog");
  await page.getByRole("button", { name: "Run task" }).click();
  await expect(page.getByRole("status", { name: "Task status" })).toHaveText("succeeded", { timeout: 60_000 });
  expect(await page.evaluate(() => (window as unknown as { __intl: string[] }).__intl.length)).toBeGreaterThan(0);
});
