import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { type CountingProxy, startCountingProxy } from "../lib/testing/counting-proxy";
import { freePort } from "../lib/testing/redis-server";
import { ComparePage } from "./compare-page";
import { HistoryPage } from "./history-page";
import { PlaygroundPage } from "./playground-page";

/**
 * Variants and the comparison. To count the tasks at the upstream (not what the browser says it sent),
 * this spec starts its own instance of the build whose simulator is reached through a counting
 * pass-through (lib/testing/counting-proxy.ts): SIMULATOR_BASE_URL points the proxy at it, and it
 * forwards to the instance's own /api/simulator.
 */
const FRAME = 1 / 24;
const KEY = "sk-compare-SECRET-7a1c";

let instance: { url: string; child: ChildProcess; log: string[] } | undefined;
let upstream: CountingProxy | undefined;

async function startInstance(port: number, env: Record<string, string>) {
  const log: string[] = [];
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d) => log.push(String(d)));
  child.stderr?.on("data", (d) => log.push(String(d)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`instance on ${port} exited: ${log.join("")}`);
    if (
      await fetch(`${url}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { url, child, log };
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill("SIGKILL");
  throw new Error(`instance on ${port} did not become healthy: ${log.join("")}`);
}

test.describe("variants, counted at the upstream, arrive in a comparison", () => {
  test.describe.configure({ mode: "serial", timeout: 180_000 });

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    if (!existsSync(".next/BUILD_ID")) throw new Error("No build in .next: run `npm run build` (Playwright's web server does) first.");
    const [appPort, proxyPort] = (process.env.COMPARE_TEST_PORTS ?? "").split(",").filter(Boolean).map(Number);
    const port = appPort || (await freePort());
    upstream = await startCountingProxy(`http://127.0.0.1:${port}/api/simulator`, proxyPort || 0);
    instance = await startInstance(port, {
      UPSTREAM_BASE_URL: "",
      SIMULATOR_BASE_URL: upstream.url,
      UPSTREAM_API_KEY: KEY,
      SIMULATOR_QUEUE_MS: "400",
      SIMULATOR_RUN_MS_PER_SECOND: "250",
      SIMULATOR_DATA_DIR: ".data/compare-simulator",
      PLAYGROUND_ACCESS_TOKEN: "",
      REDIS_URL: "",
      RATE_LIMIT_CREATE_PER_MINUTE: "500",
      RATE_LIMIT_POLL_PER_MINUTE: "10000",
      // Where the simulator's media URLs point (main reads it; the page is served from this origin).
      PUBLIC_ORIGIN: `http://127.0.0.1:${port}`,
      // A price, so the plan shows a cost (the main e2e server sets none and shows none).
      PRICE_PER_VIDEO_SECOND: "0.05",
      PRICE_CURRENCY: "EUR",
    });
  });

  test.afterAll(async () => {
    if (instance && instance.child.exitCode === null) {
      const exited = new Promise((r) => instance!.child.once("exit", r));
      instance.child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      if (instance.child.exitCode === null) instance.child.kill("SIGKILL");
    }
    await upstream?.close();
  });

  test("two aspect ratios: exactly two tasks upstream, compared; play, seek and pause move both; a reload keeps the comparison", async ({
    page,
  }) => {
    const pg = new PlaygroundPage(page);
    const cmp = new ComparePage(page);
    await page.goto(`${instance!.url}/`);
    await expect(pg.run).toBeVisible();
    await pg.prompt.fill("A paper lantern drifting over a river at night");
    await cmp.openVariants.click();
    await cmp.choose("Aspect ratios", "9:16");
    await expect(cmp.plan).toContainText("2 tasks, 12 seconds of video.");
    await expect(cmp.plan).toContainText("Cost at this deployment's price: €0.60.");
    expect((await new AxeBuilder({ page }).include(cmp.variantsSelector).analyze()).violations).toEqual([]);
    const createsBefore = upstream!.seen.filter((r) => r.method === "POST" && r.path === "/v1/tasks").length;
    const sentKeys: string[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST" && new URL(r.url()).pathname === "/api/tasks") sentKeys.push(r.headers()["idempotency-key"]);
    });
    await cmp.variants.getByRole("button", { name: "Run 2 tasks" }).click();

    await expect(cmp.comparison).toHaveAccessibleName("Comparison of 2 runs", { timeout: 60_000 });
    await cmp.waitForVideos(2);
    const creates = upstream!.seen.filter((r) => r.method === "POST" && r.path === "/v1/tasks").slice(createsBefore);
    expect(creates).toHaveLength(2);
    // Each with its own Idempotency-Key.
    expect(new Set(creates.map((c) => c.headers["idempotency-key"])).size).toBe(2);
    // In the history under the keys the page sent, as every run (docs/history.md).
    await expect.poll(() => (new URL(page.url()).searchParams.get("compare") ?? "").split(",").sort()).toEqual(sentKeys.sort());
    // The frames the two asked for: 1280×720 and 720×1280.
    const sizes = await cmp.videos.evaluateAll((els) =>
      els.map((v) => `${(v as HTMLVideoElement).videoWidth}×${(v as HTMLVideoElement).videoHeight}`),
    );
    // In the planned order (the form's 16:9 first), whichever finished first.
    expect(sizes).toEqual(["1280×720", "720×1280"]);
    // The table says where they differ: the aspect ratio, not the prompt.
    const aspectRow = cmp.comparison.getByRole("row", { name: /^aspect_ratio/ });
    await expect(aspectRow).toHaveAttribute("data-differs", "true");
    await expect(cmp.comparison.getByRole("row", { name: /^Prompt/ })).not.toHaveAttribute("data-differs", "true");

    expect((await new AxeBuilder({ page }).include(cmp.comparisonSelector).analyze()).violations).toEqual([]);

    // Play: both play.
    await cmp.comparison.scrollIntoViewIfNeeded();
    await cmp.playAll.click();
    await expect
      .poll(() =>
        cmp.videos.evaluateAll((els) => els.every((v) => !(v as HTMLVideoElement).paused && (v as HTMLVideoElement).currentTime > 0.2)),
      )
      .toBe(true);
    // A seek on one moves the other.
    await cmp.pauseAll.click();
    await cmp.videos.nth(1).evaluate((v: HTMLVideoElement) => {
      v.currentTime = 3.5;
    });
    await expect.poll(async () => (await cmp.times()).map((t) => Math.abs(t - 3.5) <= FRAME)).toEqual([true, true]);
    await cmp.videos.nth(0).evaluate((v: HTMLVideoElement) => {
      v.currentTime = 1.25;
    });
    await expect.poll(async () => (await cmp.times()).map((t) => Math.abs(t - 1.25) <= FRAME)).toEqual([true, true]);
    // The shared position slider moves both too.
    await cmp.position.fill("4");
    await expect.poll(async () => (await cmp.times()).map((t) => Math.abs(t - 4) <= FRAME)).toEqual([true, true]);

    // A reload keeps the comparison (its run ids are in the address bar, the runs in this browser's history).
    expect(new URL(page.url()).searchParams.get("compare")?.split(",")).toHaveLength(2);
    await page.reload();
    await expect(cmp.comparison).toHaveAccessibleName("Comparison of 2 runs");
    await cmp.waitForVideos(2);
    await cmp.playAll.click();
    await expect.poll(() => cmp.videos.evaluateAll((els) => els.every((v) => !(v as HTMLVideoElement).paused))).toBe(true);
    await cmp.pauseAll.click();
    const [a, b] = await cmp.times();
    expect(Math.abs(a - b)).toBeLessThanOrEqual(FRAME);
    expect(upstream!.seen.filter((r) => r.method === "POST" && r.path === "/v1/tasks").length - createsBefore).toBe(2);
  });

  test("a variant the spec forbids is left out and said so, never sent", async ({ page }) => {
    const cmp = new ComparePage(page);
    await page.goto(`${instance!.url}/`);
    await new PlaygroundPage(page).prompt.fill("A fox in the snow");
    await cmp.openVariants.click();
    await cmp.choose("Models", "gemini-omni-flash");
    await cmp.choose("Durations", "4 s");
    // nano-banana-2 × 4 s is not allowed; nano-banana-2 6 s, flash 4 s and flash 6 s are.
    await expect(cmp.plan).toContainText("3 tasks, 16 seconds of video.");
    await expect(cmp.plan).toContainText("nano-banana-2 allows duration 6, 10 only");
  });
});

test.describe("taking a result further", () => {
  test("Edit this result: Video Edit with the result as its source, and it runs", async ({ page }) => {
    const pg = new PlaygroundPage(page);
    await pg.goto();
    await pg.prompt.fill("A red kite over green hills");
    await pg.run.click();
    await pg.waitForVideo();
    const resultUrl = await pg.video.getAttribute("src");
    expect(resultUrl).toMatch(/\/api\/simulator\/files\/.+\.mp4$/);

    await page.getByRole("button", { name: "Edit this result" }).click();
    await expect(page.getByRole("radio", { name: "Video Edit", exact: true })).toBeChecked();
    await expect(page.getByLabel("Source video URL")).toHaveValue(resultUrl!);
    await expect(pg.prompt).toBeFocused();
    await pg.prompt.fill("Make it look like a warm film print");
    const create = page.waitForRequest((r) => r.method() === "POST" && new URL(r.url()).pathname === "/api/tasks");
    await pg.run.click();
    const body = (await create).postDataJSON();
    expect(body).toMatchObject({ mode: "video-edit", input: { video_url: resultUrl, prompt: "Make it look like a warm film print" } });
    expect(body.input.duration).toBeUndefined();
    await pg.waitForVideo();
    expect(await pg.video.getAttribute("src")).not.toBe(resultUrl);
  });

  test("Start from this frame: the player's frame, uploaded, is the first frame of an Image-to-Video run, then an R2V reference", async ({
    page,
  }) => {
    const pg = new PlaygroundPage(page);
    await pg.goto();
    await pg.prompt.fill("A lighthouse at dusk");
    await pg.choose("Aspect ratio", "9:16");
    await pg.run.click();
    await pg.waitForVideo();
    // The form has moved on to landscape; the portrait frame brings its own shape back.
    await pg.choose("Aspect ratio", "16:9");
    const uploaded = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/api/uploads");
    await page.getByRole("button", { name: "Start Image-to-Video from this frame" }).click();
    const upload = await (await uploaded).json();
    expect(upload.mime_type).toBe("image/png");
    await expect(page.getByRole("radio", { name: "Image-to-Video", exact: true })).toBeChecked();
    await expect(page.getByRole("img", { name: "Preview of the first-frame image" })).toBeVisible();
    await pg.prompt.fill("The light starts to turn");
    const create = page.waitForRequest((r) => r.method() === "POST" && new URL(r.url()).pathname === "/api/tasks");
    await pg.run.click();
    expect((await create).postDataJSON()).toMatchObject({ mode: "image-to-video", input: { image_url: upload.url, aspect_ratio: "9:16" } });
    // The frame was 720×1280: the run from it, 9:16 again, renders that frame size.
    expect(await pg.waitForVideo()).toMatchObject({ width: 720, height: 1280 });

    // The same frame as the one reference of an R2V run.
    const again = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/api/uploads");
    await page.getByRole("button", { name: "Use this frame as an R2V reference" }).click();
    const reference = await (await again).json();
    await expect(page.getByRole("radio", { name: "R2V", exact: true })).toBeChecked();
    await expect(page.getByRole("img", { name: "Preview of the reference image 1" })).toBeVisible();
    const r2v = page.waitForRequest((r) => r.method() === "POST" && new URL(r.url()).pathname === "/api/tasks");
    await pg.run.click();
    expect((await r2v).postDataJSON()).toMatchObject({ mode: "r2v", input: { reference_image_urls: [reference.url] } });
    await expect(pg.status).toHaveText("succeeded", { timeout: 60_000 });
  });
});

test("two runs from the History panel: select both, Compare; they play together and a seek on one moves the other", async ({ page }) => {
  const pg = new PlaygroundPage(page);
  const cmp = new ComparePage(page);
  const history = new HistoryPage(page);
  await pg.goto();
  for (const [prompt, aspect] of [
    ["A windmill turning slowly", "16:9"],
    ["A windmill turning fast", "9:16"],
  ]) {
    await pg.prompt.fill(prompt);
    await pg.choose("Aspect ratio", aspect);
    await pg.run.click();
    await expect(pg.status).toHaveText("succeeded", { timeout: 60_000 });
  }
  await history.open();
  await expect(history.items).toHaveCount(2);
  // Both poster frames are taken (the comparison shows them until the videos play).
  for (const i of [0, 1]) await expect(history.items.nth(i).locator("img")).toHaveJSProperty("complete", true);
  const compare = history.section.getByRole("button", { name: "Compare", exact: true });
  // Each checkbox's name says which run it selects (its title line, the prompt's start, its age), not only "Select for comparison".
  const select = (prompt: string) =>
    history.list.getByRole("checkbox", { name: new RegExp(`^Select for comparison: Text-to-Video · nano-banana-2 · ${prompt} · \\S`) });
  await select("A windmill turning slowly").check();
  await expect(compare).toBeDisabled();
  await select("A windmill turning fast").check();
  await compare.click();
  await expect(cmp.comparison).toHaveAccessibleName("Comparison of 2 runs");
  await cmp.waitForVideos(2);
  // The prompts' word diff: "slowly" against "fast".
  const promptRow = cmp.comparison.getByRole("row", { name: /^Prompt/ });
  await expect(promptRow).toHaveAttribute("data-differs", "true");
  await expect(promptRow.locator("del")).toHaveText(["slowly"]);
  await expect(promptRow.locator("ins")).toHaveText(["fast"]);
  // The replaced word and its replacement read as two words.
  await expect(promptRow.getByRole("cell").nth(1)).toHaveText("A windmill turning slowly fast");
  for (const i of [0, 1]) await expect(cmp.videos.nth(i)).toHaveAttribute("poster", /^blob:/);
  await cmp.comparison.scrollIntoViewIfNeeded();
  await cmp.playAll.click();
  await expect
    .poll(() =>
      cmp.videos.evaluateAll((els) => els.every((v) => !(v as HTMLVideoElement).paused && (v as HTMLVideoElement).currentTime > 0.2)),
    )
    .toBe(true);
  await cmp.videos.nth(0).evaluate((v: HTMLVideoElement) => {
    v.currentTime = 2;
  });
  await cmp.pauseAll.click();
  const [a, b] = await cmp.times();
  expect(Math.abs(a - b)).toBeLessThanOrEqual(FRAME);
});

test("a variant that fails does not stop the others; without a price none is shown", async ({ page }) => {
  const pg = new PlaygroundPage(page);
  const cmp = new ComparePage(page);
  await pg.goto();
  await pg.prompt.fill("A tram crossing a bridge in the rain");
  await cmp.openVariants.click();
  await cmp.choose("Aspect ratios", "9:16");
  await expect(cmp.plan).toContainText("2 tasks, 12 seconds of video.");
  await expect(cmp.plan).toContainText("This deployment sets no price per second of video, so no cost is shown.");
  // The first create is refused (a rare failure forced here); the second goes through.
  let creates = 0;
  await page.route("**/api/tasks", async (route) => {
    if (route.request().method() !== "POST" || ++creates > 1) return route.fallback();
    await route.fulfill({
      status: 400,
      contentType: "application/json",
      body: JSON.stringify({ error: { type: "invalid_request_error", message: "Refused for this test.", request_id: "req_test" } }),
    });
  });
  await cmp.variants.getByRole("button", { name: "Run 2 tasks" }).click();
  const progress = cmp.variants.getByRole("list", { name: "Variants and their status" });
  await expect(progress.getByRole("listitem")).toHaveText([/error: Refused for this test\./, /succeeded$/], { timeout: 60_000 });
  await expect(cmp.comparison).toHaveAccessibleName("Comparison of 2 runs");
  await expect(cmp.comparison.getByRole("row", { name: /^Status/ })).toContainText(
    /error \(no task\).*succeeded|succeeded.*error \(no task\)/,
  );
  await expect(cmp.comparison.getByText("No video: this run did not succeed.")).toBeVisible();
  expect(creates).toBe(2);
});
