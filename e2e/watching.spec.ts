import { expect, type Page, test } from "@playwright/test";
import { countRequests, PlaygroundPage } from "./playground-page";

/** Hides or shows the tab as the browser does when the user switches tabs (the event bubbles up to window). */
const setHidden = (page: Page, hidden: boolean) =>
  page.evaluate((h) => {
    Object.defineProperty(document, "visibilityState", { value: h ? "hidden" : "visible", configurable: true });
    document.dispatchEvent(new Event("visibilitychange", { bubbles: true }));
  }, hidden);

/** Stop and resume, reloads, pasted task ids, several tabs, hidden tabs and the watch time limit. */
test.describe("watching a task", () => {
  test("stop watching says the task goes on upstream and sends nothing more; keep watching resumes", async ({ page }) => {
    const pg = new PlaygroundPage(page);
    const sent = countRequests(page);
    await pg.goto();
    await pg.runScenario("long-task");
    await expect(pg.status).toHaveText("running", { timeout: 10_000 });
    await pg.stopWatching.click();
    await expect(pg.stoppedNotice).toContainText("You stopped watching. The task goes on upstream: there is no cancel endpoint");
    await expect(pg.status).toHaveText("not watching");
    const polls = sent.polls.length;
    await page.waitForTimeout(3000);
    expect(sent.polls).toHaveLength(polls);
    await pg.keepWatching.click();
    await expect(pg.stoppedNotice).toHaveCount(0);
    await expect.poll(() => sent.polls.length, { timeout: 5000 }).toBeGreaterThan(polls);
    await expect(pg.status).toHaveText("running");
  });

  test("a reload does not lose the running task: its id is in the URL", async ({ page }) => {
    const pg = new PlaygroundPage(page);
    await pg.goto();
    await pg.runScenario("long-task");
    const id = await pg.taskId();
    await expect(page).toHaveURL(new RegExp(`[?&]task=${id}(&|$)`));
    await page.reload();
    await expect(pg.page.getByLabel("Task id", { exact: true })).toHaveText(id);
    await expect(pg.status).toHaveText("running", { timeout: 10_000 });
    await expect(page.getByText("Text-to-Video ·")).toBeVisible();
  });

  test("a task created outside the playground can be watched by pasting its id", async ({ page, request }) => {
    const res = await request.post("/api/tasks", {
      data: {
        model: "nano-banana-2",
        mode: "text-to-video",
        input: { prompt: "Made by a script, watched in the playground", aspect_ratio: "9:16" },
      },
    });
    expect(res.status()).toBe(200);
    const { task_id } = await res.json();
    const pg = new PlaygroundPage(page);
    await pg.goto();

    await pg.watchId.fill("../v1/uploads");
    await page.getByRole("button", { name: "Watch task" }).click();
    await expect(page.getByText("task_id must be 1–128 letters, digits, underscores or hyphens.")).toBeVisible();

    await pg.watchId.fill(task_id);
    await page.getByRole("button", { name: "Watch task" }).click();
    const video = await pg.waitForVideo();
    expect(video).toMatchObject({ width: 720, height: 1280 });
    await expect(pg.page.getByLabel("Task id", { exact: true })).toHaveText(task_id);
  });

  test("an unknown task id gets a 404 with what to check, and no retry", async ({ page }) => {
    const pg = new PlaygroundPage(page);
    const sent = countRequests(page);
    await pg.goto();
    await pg.watchId.fill("task_doesnotexist");
    await page.getByRole("button", { name: "Watch task" }).click();
    await expect(pg.error).toContainText("HTTP 404 · not_found_error");
    await expect(pg.error).toContainText("Fix: Check the task_id returned by the create call");
    expect(sent.polls).toHaveLength(1);
  });

  test("two tabs on one task: the tab in front keeps it current, the hidden one looks only rarely", async ({ context }) => {
    const a = await context.newPage();
    const b = await context.newPage();
    const pa = new PlaygroundPage(a);
    const pb = new PlaygroundPage(b);
    const sentA = countRequests(a);
    const sentB = countRequests(b);
    await pa.goto();
    await pa.runScenario("long-task");
    const id = await pa.taskId();
    await expect.poll(() => sentA.polls.length, { timeout: 5000 }).toBeGreaterThan(0);
    // The user opens the task in another tab: the first one goes to the background.
    await setHidden(a, true);
    await pb.goto(`?task=${id}`);
    await expect(pb.status).toHaveText("running", { timeout: 10_000 });
    const [polledA, polledB] = [sentA.polls.length, sentB.polls.length];
    await b.waitForTimeout(5000);
    expect(sentB.polls.length).toBeGreaterThan(polledB);
    expect(sentA.polls).toHaveLength(polledA);
  });

  test("a hidden tab polls only rarely, and looks at once when shown again", async ({ page }) => {
    const pg = new PlaygroundPage(page);
    const sent = countRequests(page);
    await pg.goto();
    await pg.runScenario("long-task");
    await expect.poll(() => sent.polls.length, { timeout: 5000 }).toBeGreaterThan(0);
    await setHidden(page, true);
    const polls = sent.polls.length;
    await page.waitForTimeout(5000);
    expect(sent.polls).toHaveLength(polls);
    await setHidden(page, false);
    await expect.poll(() => sent.polls.length, { timeout: 2000 }).toBeGreaterThan(polls);
  });

  test("after the watch limit the panel says the task is still running and offers to keep watching", async ({ page }) => {
    await page.clock.install();
    const pg = new PlaygroundPage(page);
    const sent = countRequests(page);
    await pg.goto();
    await pg.runScenario("long-task");
    await expect(pg.status).toHaveText("running", { timeout: 10_000 });
    await page.clock.fastForward("10:00");
    await expect(pg.stoppedNotice).toContainText("The task is still running upstream after 10 minutes of watching.");
    const polls = sent.polls.length;
    await pg.keepWatching.click();
    await expect.poll(() => sent.polls.length, { timeout: 5000 }).toBeGreaterThan(polls);
    await expect(pg.stoppedNotice).toHaveCount(0);
  });
});
