import { expect, test } from "@playwright/test";
import { PlaygroundPage, countRequests } from "./playground-page";

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

  test("where the browser refuses Web Locks (a cross-site iframe), the tab polls by itself", async ({ page }) => {
    // Chromium answers navigator.locks.request with a SecurityError inside a third-party iframe.
    await page.addInitScript(() => {
      Object.defineProperty(navigator, "locks", {
        value: { request: () => Promise.reject(new DOMException("The request was denied.", "SecurityError")) },
      });
    });
    const pg = new PlaygroundPage(page);
    const sent = countRequests(page);
    await pg.goto();
    await pg.prompt.fill("A lighthouse in a storm");
    await pg.run.click();
    await expect(pg.status).toHaveText("succeeded", { timeout: 30_000 });
    expect(sent.polls.length).toBeGreaterThan(0);
    await expect(page.getByText(/Another tab of this playground is polling this task/)).toHaveCount(0);
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
      data: { model: "nano-banana-2", mode: "text-to-video", input: { prompt: "Made by a script, watched in the playground", aspect_ratio: "9:16" } },
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

  test("two tabs, one poller: the second tab shows what the first one polls, and takes over when it closes", async ({ context }) => {
    const a = await context.newPage();
    const b = await context.newPage();
    const pa = new PlaygroundPage(a);
    const pb = new PlaygroundPage(b);
    const sentA = countRequests(a);
    const sentB = countRequests(b);
    await pa.goto();
    await pa.runScenario("long-task");
    const id = await pa.taskId();
    await pb.goto(`?task=${id}`);
    await expect(b.getByText("Another tab of this playground is polling this task")).toBeVisible();
    const before = sentA.polls.length;
    await expect(pb.status).toHaveText("running", { timeout: 10_000 });
    await b.waitForTimeout(3000);
    expect(sentB.polls).toHaveLength(0);
    expect(sentA.polls.length).toBeGreaterThan(before);
    await a.close();
    await expect.poll(() => sentB.polls.length, { timeout: 10_000 }).toBeGreaterThan(0);
    await expect(b.getByText("Another tab of this playground is polling this task")).toHaveCount(0);
  });

  test("a hidden tab polls only rarely, and looks at once when shown again", async ({ page }) => {
    const pg = new PlaygroundPage(page);
    const sent = countRequests(page);
    await pg.goto();
    await pg.runScenario("long-task");
    await expect.poll(() => sent.polls.length, { timeout: 5000 }).toBeGreaterThan(0);
    const setHidden = (hidden: boolean) =>
      page.evaluate((h) => {
        Object.defineProperty(document, "visibilityState", { value: h ? "hidden" : "visible", configurable: true });
        document.dispatchEvent(new Event("visibilitychange"));
      }, hidden);
    await setHidden(true);
    const polls = sent.polls.length;
    await page.waitForTimeout(5000);
    expect(sent.polls).toHaveLength(polls);
    await setHidden(false);
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
