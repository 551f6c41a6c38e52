import { expect, test } from "@playwright/test";
import { countRequests, PlaygroundPage } from "./playground-page";

/**
 * Every fault scenario of the simulator, driven from the UI's Simulate control: what the user sees and
 * how many requests the page sent (the proxy forwards each to the upstream exactly once).
 */
test.describe("rehearsing failures", () => {
  test("400 on the create: not retried, the field at fault highlighted, the fix named, nothing lost", async ({ page }) => {
    const pg = new PlaygroundPage(page);
    const sent = countRequests(page);
    await pg.goto();
    await pg.runScenario("bad-request", "A prompt the upstream refuses");
    await expect(pg.error).toContainText("HTTP 400 · invalid_request_error");
    await expect(pg.error).toContainText("Field: input.prompt");
    await expect(pg.error).toContainText(/Request id: req_[a-z0-9]+/);
    await expect(pg.error).toContainText("HTTP 400: not retried");
    await expect(pg.error).toContainText("Fix: Validate model, mode and input against the schema");
    // The envelope's doc_url, as a link to the row of the guide's error table that explains it.
    const doc = pg.error.getByRole("link", { name: "Read about this error in the guide (opens in a new tab)" });
    await expect(doc).toHaveAttribute("href", "/models/nano-banana-2#error-invalid_request_error");
    await expect(page.locator("#error-invalid_request_error")).toHaveCount(1);
    await expect(pg.prompt).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByRole("alert").filter({ hasText: "prompt was refused by the upstream's validation" }).first()).toBeVisible();
    await expect(pg.prompt).toHaveValue("A prompt the upstream refuses");
    await expect(pg.status).toHaveText("error");
    expect(sent.creates).toHaveLength(1);
    expect(sent.polls).toHaveLength(0);
  });

  for (const [scenario, message] of [
    ["missing-key", "Missing Authorization header"],
    ["wrong-key", "Invalid API key."],
  ] as const) {
    test(`401 (${scenario}): not retried, the key named as the fix`, async ({ page }) => {
      const pg = new PlaygroundPage(page);
      const sent = countRequests(page);
      await pg.goto();
      await pg.runScenario(scenario);
      await expect(pg.error).toContainText("HTTP 401 · authentication_error");
      await expect(pg.error).toContainText(message);
      await expect(pg.error).toContainText("Fix: Send Authorization: Bearer <key> and check the key and its scope.");
      await expect(pg.error).toContainText(/Request id: req_/);
      expect(sent.creates).toHaveLength(1);
    });
  }

  test("429 on the create: waits at least Retry-After, retries once, succeeds", async ({ page }) => {
    const pg = new PlaygroundPage(page);
    const sent = countRequests(page);
    await pg.goto();
    await pg.runScenario("rate-limit-create");
    await expect(pg.status).toHaveText("succeeded", { timeout: 30_000 });
    await expect(pg.waits).toHaveCount(1);
    await expect(pg.waits).toContainText(/Rate limited \(429\): waiting 1\.\d s before retry 1 of 3 \(Retry-After 1\.0 s honoured\)/);
    await expect(pg.exchangeItems("Create task", 429)).toHaveCount(1);
    await expect(pg.exchangeItems("Create task", 200)).toHaveCount(1);
    await expect(pg.timeline.getByText("retry-after", { exact: true })).toBeVisible();
    expect(sent.creates).toHaveLength(2);
    expect(sent.creates[1].at - sent.creates[0].at).toBeGreaterThanOrEqual(1000);
  });

  test("429 on the second poll: backs off, then goes on to success", async ({ page }) => {
    const pg = new PlaygroundPage(page);
    const sent = countRequests(page);
    await pg.goto();
    await pg.runScenario("rate-limit-second-poll");
    await expect(pg.status).toHaveText("succeeded", { timeout: 30_000 });
    await expect(pg.exchangeItems("Poll status", 429)).toHaveCount(1);
    await expect(pg.waits).toHaveCount(1);
    expect(sent.creates).toHaveLength(1);
    expect(sent.polls.length).toBeGreaterThanOrEqual(3);
    expect(sent.polls[2].at - sent.polls[1].at).toBeGreaterThanOrEqual(1000);
  });

  test("429 on every create: backoff of about 1 s, 2 s, 4 s, then a clear stop", async ({ page }) => {
    const pg = new PlaygroundPage(page);
    const sent = countRequests(page);
    await pg.goto();
    await pg.runScenario("rate-limit-always");
    await expect(pg.error).toContainText("HTTP 429 · rate_limit_exceeded", { timeout: 20_000 });
    await expect(pg.error).toContainText("Still rate limited after 3 retries: stopped.");
    await expect(pg.waits).toHaveCount(3);
    await expect(pg.waits.nth(0)).toContainText("retry 1 of 3");
    await expect(pg.waits.nth(2)).toContainText(/waiting [3-5]\.\d s before retry 3 of 3/);
    expect(sent.creates).toHaveLength(4);
    const gaps = sent.creates.slice(1).map((c, i) => c.at - sent.creates[i].at);
    expect(gaps[0]).toBeGreaterThanOrEqual(1000);
    expect(gaps[1]).toBeGreaterThanOrEqual(1500);
    expect(gaps[2]).toBeGreaterThanOrEqual(3000);
    // Every attempt of the run carried the same Idempotency-Key.
    expect(new Set(sent.creates.map((c) => c.headers["idempotency-key"])).size).toBe(1);
    await expect(pg.run).toBeEnabled();
  });

  test("500 twice on polls: two short retries, then success", async ({ page }) => {
    const pg = new PlaygroundPage(page);
    const sent = countRequests(page);
    await pg.goto();
    await pg.runScenario("server-error-twice");
    await expect(pg.status).toHaveText("succeeded", { timeout: 30_000 });
    await expect(pg.exchangeItems("Poll status", 500)).toHaveCount(2);
    await expect(pg.waits).toHaveCount(2);
    await expect(pg.waits.nth(0)).toContainText("HTTP 500: transient, waiting 0.5 s before retry 1 of 3.");
    await expect(pg.error).toHaveCount(0);
    expect(sent.polls.length).toBeGreaterThanOrEqual(4);
  });

  test("500 on every poll: three retries, then a clear stop with the request id", async ({ page }) => {
    const pg = new PlaygroundPage(page);
    const sent = countRequests(page);
    await pg.goto();
    await pg.runScenario("server-error-always");
    await expect(pg.error).toContainText("HTTP 500 · internal_error", { timeout: 20_000 });
    await expect(pg.error).toContainText("Still failing after 3 retries: stopped.");
    await expect(pg.status).toHaveText("error");
    // The request id shown is the one of the last failed poll.
    const lastPoll = pg.exchangeItems("Poll status", 500).last();
    await lastPoll.locator("summary").click();
    const ids = await page.getByText(/^req_[a-z0-9]{20}$/).allTextContents();
    await expect(pg.error).toContainText(`Request id: ${ids.at(-1)}`);
    expect(sent.polls).toHaveLength(5);
    // No endless spinner: nothing more is sent.
    await page.waitForTimeout(2500);
    expect(sent.polls).toHaveLength(5);
    await expect(pg.keepWatching).toBeVisible();
  });

  test("500 after the upstream created the task: the retry with the same key gets the same task", async ({ page }) => {
    const pg = new PlaygroundPage(page);
    const sent = countRequests(page);
    await pg.goto();
    await pg.runScenario("create-lost-answer");
    await expect(pg.note).toContainText(
      /The retry sent the same Idempotency-Key \(idem_[a-f0-9]{32}\) and the upstream answered with the task it had already created \(task_[a-f0-9]+\): one task, not two\./,
    );
    await expect(pg.status).toHaveText("succeeded", { timeout: 30_000 });
    await expect(pg.exchangeItems("Create task", 500)).toHaveCount(1);
    await expect(pg.timeline.getByText("x-idempotent-replayed", { exact: true })).toBeVisible();
    expect(sent.creates).toHaveLength(2);
    expect(sent.creates[0].headers["idempotency-key"]).toMatch(/^idem_/);
    expect(sent.creates[1].headers["idempotency-key"]).toBe(sent.creates[0].headers["idempotency-key"]);
  });

  test("an upstream slower than the proxy's timeout: 504, then the same task through the key", async ({ page }) => {
    const pg = new PlaygroundPage(page);
    const sent = countRequests(page);
    await pg.goto();
    await pg.runScenario("slow-upstream");
    await expect(pg.exchangeItems("Create task", 504)).toHaveCount(1, { timeout: 20_000 });
    await expect(pg.timeline).toContainText("upstream_timeout");
    await expect(pg.note).toContainText("one task, not two");
    await expect(pg.status).toHaveText("succeeded", { timeout: 30_000 });
    expect(sent.creates).toHaveLength(2);
  });

  test("a poll answered with HTML: 502 upstream_error in the envelope, retried, then success", async ({ page }) => {
    const pg = new PlaygroundPage(page);
    const sent = countRequests(page);
    await pg.goto();
    await pg.runScenario("not-json");
    await expect(pg.status).toHaveText("succeeded", { timeout: 30_000 });
    await expect(pg.exchangeItems("Poll status", 502)).toHaveCount(1);
    await expect(pg.timeline).toContainText("a body that is not JSON (text/html");
    await expect(pg.waits).toHaveCount(1);
    expect(sent.polls.length).toBeGreaterThanOrEqual(2);
  });

  test("“invalid apitype: -1”: explained as a request sent to a chat endpoint, not retried", async ({ page }) => {
    const pg = new PlaygroundPage(page);
    const sent = countRequests(page);
    await pg.goto();
    await pg.runScenario("chat-endpoint");
    await expect(pg.error).toContainText("Sent to a chat endpoint");
    await expect(pg.error).toContainText(/invalid apitype: -1/);
    await expect(pg.error).toContainText("Fix: The request went to a chat endpoint. Image and video models do not use the chat endpoint");
    await expect(pg.error).toContainText(/Request id: req_/);
    expect(sent.creates).toHaveLength(1);
  });

  test("a task that ends failed: the refusal and what to do, as data", async ({ page }) => {
    const pg = new PlaygroundPage(page);
    const sent = countRequests(page);
    await pg.goto();
    await pg.runScenario("content-policy");
    await expect(pg.status).toHaveText("failed", { timeout: 30_000 });
    await expect(pg.taskFailed).toContainText("The task failed · content_policy_violation");
    await expect(pg.taskFailed).toContainText("Fix: The upstream refused the prompt or inputs under its content policy.");
    await expect(pg.exchangeItems("Poll status", 200).last()).toBeVisible();
    expect(sent.creates).toHaveLength(1);
    const polls = sent.polls.length;
    await page.waitForTimeout(1500);
    expect(sent.polls).toHaveLength(polls);
  });
});
