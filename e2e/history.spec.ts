import { readFileSync, truncateSync, writeFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { E2E_KEY } from "../playwright.config";
import { HistoryPage } from "./history-page";
import { PlaygroundPage } from "./playground-page";

/** axe's violations on the page, as rule id and the elements it flags (readable when the test fails). */
async function axeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(" ")) }));
}

/** Runs a task to its video on the simulator. */
async function runTask(pg: PlaygroundPage, prompt: string) {
  await pg.prompt.fill(prompt);
  await pg.run.click();
  await pg.waitForVideo();
}

async function setUp(page: Page) {
  const pg = new PlaygroundPage(page);
  const history = new HistoryPage(page);
  await pg.goto();
  return { pg, history };
}

/** The History panel: runs kept in the browser (IndexedDB), kept clips, export/import, HAR, several tabs. */
test.describe("history", () => {
  test("two runs and a reload: both are in the history, newest first, with their exchanges", async ({ page }) => {
    const { pg, history } = await setUp(page);
    await runTask(pg, "A red kite over a winter beach");
    await runTask(pg, "A glass of water on a piano");
    await page.reload();
    await expect(pg.run).toBeVisible();
    await history.open();
    await expect(history.items).toHaveCount(2);
    await expect(history.items.nth(0)).toContainText("A glass of water on a piano");
    await expect(history.items.nth(1)).toContainText("A red kite over a winter beach");
    await expect(history.items.nth(1)).toContainText("succeeded");
    await expect(history.items.nth(1)).toContainText("Text-to-Video · nano-banana-2");
    // A poster frame was taken from the video.
    await expect(history.items.nth(1).locator("img")).toHaveJSProperty("complete", true);
    await history.action("A red kite", "Open");
    await expect(history.savedNote).toContainText("Saved run, not live");
    await expect(pg.exchangeItems("Create task", 201).or(pg.exchangeItems("Create task", 200))).toHaveCount(1);
    await expect(pg.exchangeItems("Poll status").first()).toBeVisible();
    await expect(pg.status).toHaveText("succeeded");
    // Restore puts its prompt back into the form; back to the live run leaves the saved one.
    await history.action("A red kite", "Restore into the form");
    await expect(pg.prompt).toHaveValue("A red kite over a winter beach");
    await page.getByRole("button", { name: "Back to the live run" }).click();
    await expect(history.savedNote).toHaveCount(0);
    // Search and filters.
    await history.section.getByLabel("Search prompts").fill("KITE winter");
    await expect(history.items).toHaveCount(1);
    await history.section.getByLabel("Status").selectOption("failed");
    await expect(history.items).toHaveCount(0);
    await history.section.getByLabel("Status").selectOption("succeeded");
    await history.section.getByLabel("Mode").selectOption("image-to-video");
    await expect(history.items).toHaveCount(0);
    await history.section.getByLabel("Mode").selectOption("text-to-video");
    await expect(history.items).toHaveCount(1);
    await history.section.getByLabel("Search prompts").fill("");
    // Run again: the same request as a new run, which the history keeps too.
    await history.action("A glass of water", "Run again");
    await expect(pg.prompt).toHaveValue("A glass of water on a piano");
    await pg.waitForVideo();
    await expect(history.items).toHaveCount(3);
    await expect(history.items.nth(0)).toContainText("A glass of water on a piano");
  });

  test("a run replaced by a new one before it ended is kept too, as stopped", async ({ page }) => {
    const { pg, history } = await setUp(page);
    // A task that runs 60 s: still going when the next run starts.
    await pg.runScenario("long-task", "A heron waiting in the reeds");
    await pg.taskId();
    await pg.simulate("none");
    await runTask(pg, "A tram crossing a bridge at dusk");
    await page.reload();
    await expect(pg.run).toBeVisible();
    await history.open();
    await expect(history.items).toHaveCount(2);
    await expect(history.items.nth(0)).toContainText("A tram crossing a bridge at dusk");
    await expect(history.items.nth(0)).toContainText("succeeded");
    await expect(history.items.nth(1)).toContainText("A heron waiting in the reeds");
    await expect(history.items.nth(1)).toContainText("stopped");
  });

  test("run again replays a simulated fault, and the Simulate control says so", async ({ page }) => {
    const { pg, history } = await setUp(page);
    await pg.runScenario("content-policy", "A run the simulator fails on purpose");
    await expect(pg.taskFailed).toBeVisible();
    await page.reload();
    await expect(pg.simulateSelect).toHaveValue("none");
    await history.open();
    await history.action("A run the simulator fails", "Run again");
    await expect(pg.simulateSelect).toHaveValue("content-policy");
    await expect(pg.taskFailed).toBeVisible();
  });

  test("delete is at once and can be undone: the run comes back with its poster", async ({ page }) => {
    const { pg, history } = await setUp(page);
    await runTask(pg, "A kettle starting to steam");
    await history.open();
    await expect(history.items.nth(0).locator("img")).toHaveJSProperty("complete", true);
    await history.action("A kettle", "Delete");
    await expect(history.items).toHaveCount(0);
    await expect(history.status).toHaveText("Run deleted.");
    // The row went with its button: focus is on the Undo that replaces it.
    await expect(history.section.getByRole("button", { name: "Undo" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(history.items).toHaveCount(1);
    await expect(history.status).toHaveText("Run restored.");
    await expect
      .poll(() =>
        history.items
          .nth(0)
          .locator("img")
          .evaluate((img: HTMLImageElement) => img.naturalWidth),
      )
      .toBeGreaterThan(0);
    await page.reload();
    await history.open();
    await expect(history.items).toHaveCount(1);
  });

  test("one run as HAR 1.2 and as curl: every exchange, and no key anywhere", async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    const { pg, history } = await setUp(page);
    await runTask(pg, "A lantern on a jetty at night");
    await history.open();
    await history.action("A lantern", "Copy curl");
    await expect(history.item("A lantern").getByRole("button", { name: "Copied" })).toBeVisible();
    const curl = await page.evaluate(() => navigator.clipboard.readText());
    expect(curl).toContain("A lantern on a jetty at night");
    expect(curl).toContain("$UPSTREAM_API_KEY");
    expect(curl).not.toContain(E2E_KEY);
    const download = page.waitForEvent("download");
    await history.action("A lantern", "HAR");
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^nano-banana-2-task_\w+\.har$/);
    const text = readFileSync(await file.path(), "utf8");
    const har = JSON.parse(text);
    expect(har.log.version).toBe("1.2");
    expect(har.log.entries[0].request).toMatchObject({ method: "POST", url: expect.stringMatching(/\/api\/tasks$/) });
    expect(har.log.entries.at(-1).response.status).toBe(200);
    expect(text).not.toContain(E2E_KEY);
    expect(text).not.toMatch(/"authorization"/i);
  });

  test("export, then import in a fresh browser context, restores the runs (clips included); nothing is imported twice", async ({
    page,
    browser,
  }) => {
    const { pg, history } = await setUp(page);
    await runTask(pg, "A snail crossing a mossy log");
    await runTask(pg, "Fireflies in a jar at dusk");
    await history.open();
    for (const i of [0, 1]) await expect(history.items.nth(i).locator("img")).toHaveJSProperty("complete", true);
    await history.action("Fireflies", "Keep clip");
    await expect(history.status).toContainText("Clip kept");
    const path = await history.export(test.info().outputPath("history.json"), { withClips: true });
    const exported = JSON.parse(readFileSync(path, "utf8"));
    expect(exported).toMatchObject({ format: "video-playground.history", version: 1, clips: [{ mime: "video/mp4" }] });
    expect(exported.runs).toHaveLength(2);

    const fresh = await browser.newContext();
    try {
      const page2 = await fresh.newPage();
      const { pg: pg2, history: history2 } = await setUp(page2);
      await history2.open();
      await expect(history2.section).toContainText("No runs yet");
      await history2.import(path);
      await expect(history2.status).toContainText("Imported: new runs 2, already here 0");
      await expect(history2.items).toHaveCount(2);
      await expect(history2.item("Fireflies")).toContainText("clip kept");
      // The poster frames came along.
      for (const i of [0, 1])
        await expect
          .poll(() =>
            history2.items
              .nth(i)
              .locator("img")
              .evaluate((img: HTMLImageElement) => img.naturalWidth),
          )
          .toBeGreaterThan(0);
      await history2.action("A snail", "Open");
      await expect(pg2.exchangeItems("Poll status").first()).toBeVisible();
      await history2.import(path);
      await expect(history2.status).toContainText("Imported: new runs 0, already here 2");
      await expect(history2.items).toHaveCount(2);
    } finally {
      await fresh.close();
    }
  });

  test("with the result URL gone, a kept clip still plays", async ({ page }) => {
    const { pg, history } = await setUp(page);
    await runTask(pg, "A kite tangled in a cherry tree");
    await history.open();
    await expect(history.clipUsage).toContainText("Kept clips use 0");
    await history.action("A kite", "Keep clip");
    await expect(history.status).toContainText("Clip kept");
    await expect(history.clipUsage).toContainText(/Kept clips use [\d.]+ (kB|MB)/);
    // From now on the simulator's video URLs answer 404, as an expired upstream link would.
    await page.route("**/api/simulator/files/**", (route) => route.fulfill({ status: 404, body: "gone" }));
    await page.reload();
    await history.open();
    await history.action("A kite", "Open");
    await expect(page.getByTestId("video-kept")).toBeVisible();
    const src = await pg.video.getAttribute("src");
    expect(src).toMatch(/^blob:/);
    await pg.video.scrollIntoViewIfNeeded();
    await expect
      .poll(() => pg.video.evaluate((v: HTMLVideoElement) => v.readyState >= 2 && v.currentTime > 0 && v.videoWidth > 0), {
        timeout: 20_000,
      })
      .toBe(true);
    // Without the clip, keeping it again is refused with the reason; freeing gives the space back.
    await history.action("A kite", "Free clip");
    await expect(history.clipUsage).toContainText("Kept clips use 0");
    await history.action("A kite", "Keep clip");
    await expect(history.alert).toContainText("HTTP 404");
  });

  test("bad imports are refused with a message naming the problem, and the history is unchanged", async ({ page }) => {
    const { pg, history } = await setUp(page);
    await runTask(pg, "A teapot whistling on a stove");
    await history.open();
    const path = await history.export(test.info().outputPath("good.json"));
    const good = readFileSync(path, "utf8");
    const file = (name: string, text: string) => ({ name, mimeType: "application/json", buffer: Buffer.from(text) });
    const cases: [ReturnType<typeof file> | string, RegExp][] = [
      [file("har.json", JSON.stringify({ log: { version: "1.2", entries: [] } })), /not a history file of this playground/],
      [file("newer.json", JSON.stringify({ ...JSON.parse(good), version: 2 })), /newer version of the playground \(version 2\)/],
      [file("cut.json", good.slice(0, Math.floor(good.length / 2))), /not complete JSON \(truncated or damaged\)/],
    ];
    const huge = test.info().outputPath("huge.json");
    writeFileSync(huge, "");
    truncateSync(huge, 250_000_000);
    cases.push([huge, /the file is 250 MB; an import takes at most 200 MB/]);
    const before = await history.items.allTextContents();
    for (const [input, problem] of cases) {
      await history.import(input);
      await expect(history.alert).toContainText(problem);
      await expect(history.alert).toContainText("Your history is unchanged.");
      // The page's words only: no parser's own message inside the sentence.
      await expect(history.alert).not.toContainText(/Unexpected|Expected|position \d/);
      expect(await history.items.allTextContents()).toEqual(before);
    }
  });

  test("a run finished in one tab appears in another", async ({ context }) => {
    const tabA = await context.newPage();
    const tabB = await context.newPage();
    const { pg } = await setUp(tabA);
    const { history: historyB } = await setUp(tabB);
    await historyB.open();
    await expect(historyB.section).toContainText("No runs yet");
    await runTask(pg, "A paper plane over rooftops");
    await expect(historyB.item("A paper plane over rooftops")).toBeVisible();
  });

  test("the embed keeps its history too", async ({ page }) => {
    const pg = new PlaygroundPage(page);
    const history = new HistoryPage(page);
    await pg.goto("", "/embed/nano-banana-2");
    await runTask(pg, "A tram in the rain, seen from the embed");
    await history.open();
    await expect(history.item("A tram in the rain")).toContainText("succeeded");
  });

  test("axe finds nothing on the page with the History panel open, nor in the clear-all dialog, which clears on confirm", async ({
    page,
  }) => {
    const { pg, history } = await setUp(page);
    await runTask(pg, "A lighthouse in fog");
    await history.open();
    await expect(history.items).toHaveCount(1);
    expect(await axeViolations(page)).toEqual([]);
    await history.section.getByRole("button", { name: "Clear history…" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Clear the history?" });
    await expect(dialog).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(history.items).toHaveCount(1);
    await history.section.getByRole("button", { name: "Clear history…" }).click();
    await dialog.getByRole("button", { name: "Delete all runs" }).click();
    await expect(history.section).toContainText("No runs yet");
  });
});
