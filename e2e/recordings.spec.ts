import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type FrameLocator, type Page, test } from "@playwright/test";
import { parseSavedRun } from "../lib/runs/saved-run";
import { E2E_RECORDINGS_DIR, EMBED_HOST_ALLOWED, EMBED_HOST_PORT, EMBED_HOST_REFUSED } from "../playwright.config";
import { startEmbedHost } from "./embed-host";
import { PlaygroundPage } from "./playground-page";

/**
 * Recorded runs: the shipped recordings (public/recordings, made by scripts/make-recordings.mjs) play in
 * the embed without a single request to the proxy's task API, then "Run it yourself" runs live; a run
 * saved from the page plays back from RECORDINGS_DIR; a docs site may serve its own.
 */
let host: Awaited<ReturnType<typeof startEmbedHost>>;
test.beforeAll(async ({ baseURL }) => {
  host = await startEmbedHost(EMBED_HOST_PORT, { playgroundOrigin: baseURL! });
});
test.afterAll(async () => {
  await host?.close();
});

const SHIPPED = (mode: string) =>
  JSON.parse(readFileSync(path.join(process.cwd(), "public/recordings/nano-banana-2", `${mode}.json`), "utf8")) as {
    ranAt: string;
    exchanges: unknown[];
    request: { input: { prompt: string } };
  };

/** Every request of the page (frames included) to the proxy's task, upload and upload-ticket routes. */
function countApi(page: Page) {
  const calls: string[] = [];
  page.on("request", (r) => {
    const p = new URL(r.url()).pathname;
    if (/^\/api\/(tasks|uploads|upload-tickets)/.test(p)) calls.push(`${r.method()} ${p}`);
  });
  return calls;
}

/** Every status the embed's status badge shows, in order (an observer in each frame, from its first paint). */
async function recordStatuses(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __statuses: string[] }).__statuses = seen;
    new MutationObserver(() => {
      const text = document.querySelector('[aria-label="Task status"]')?.textContent ?? "";
      if (text && seen.at(-1) !== text) seen.push(text);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
}

const scriptTag = (baseURL: string, attrs: string) => `<script src="${baseURL}/embed.js" data-model="nano-banana-2" ${attrs}></script>`;
const tagsPage = (html: string) => `${EMBED_HOST_ALLOWED}/tags?html=${encodeURIComponent(html)}`;

async function expectVideoPlays(embed: FrameLocator, src: RegExp) {
  // The player by its element: its accessible name is in the embed's language.
  const video = embed.locator("video");
  await expect(video).toBeVisible();
  await expect(video).toHaveAttribute("src", src);
  await video.scrollIntoViewIfNeeded();
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState >= 2 && v.videoWidth > 0), { timeout: 20_000 }).toBe(true);
}

test.describe("recorded runs", () => {
  test("a recording plays in the embed with no request to the task API, then Run it yourself runs live", async ({ page, baseURL }) => {
    const calls = countApi(page);
    await recordStatuses(page);
    const recording = SHIPPED("text-to-video");
    await page.goto(tagsPage(scriptTag(baseURL!, 'data-recording="text-to-video" data-speed="2" data-lang="en"')));
    const frame = page.frameLocator("iframe");
    const banner = frame.getByRole("region", { name: "Recorded run" });
    await expect(banner).toBeVisible();
    // When it was recorded, in the reader's language and time zone.
    const date = await page.evaluate((at) => new Intl.DateTimeFormat("en", { dateStyle: "long" }).format(new Date(at)), recording.ranAt);
    await expect(banner.locator("time")).toContainText(date);
    await expect(banner).toContainText("replayed ×2");
    // The form stays out of the way while it plays.
    await expect(frame.getByRole("button", { name: /run task/i })).toHaveCount(0);

    await expect(frame.getByRole("status", { name: "Task status" })).toHaveText("succeeded", { timeout: 30_000 });
    await expect(banner).toContainText("Replay finished");
    // Every exchange of the recording, with its raw JSON.
    const timeline = frame.getByRole("list", { name: "Task timeline" });
    await expect(timeline.getByRole("listitem")).toHaveCount(recording.exchanges.length);
    await expect(frame.getByRole("group", { name: "request 1 JSON" })).toContainText(recording.request.input.prompt);
    await expectVideoPlays(frame, /\/recordings\/nano-banana-2\/text-to-video\.mp4$/);
    // The status moved as it did when recorded.
    const statuses = await page.frames()[1].evaluate(() => (window as unknown as { __statuses: string[] }).__statuses);
    expect(statuses.filter((s) => ["queued", "running", "succeeded"].includes(s))).toEqual(["queued", "running", "succeeded"]);
    expect(calls).toEqual([]);

    // Nothing of the embed playing a recording is out of reach of assistive technology.
    const axe = await new AxeBuilder({ page }).include("iframe").analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

    // Run it yourself: the live playground, with the recorded request in the form; a run creates a task.
    await frame.getByRole("button", { name: "Run it yourself" }).click();
    await expect(frame.getByRole("textbox", { name: /prompt/i })).toHaveValue(recording.request.input.prompt);
    await expect(frame.getByRole("region", { name: "Recorded run" })).toHaveCount(0);
    await frame.getByRole("button", { name: /run task/i }).click();
    await expect(frame.getByRole("status", { name: "Task status" })).toHaveText("succeeded", { timeout: 60_000 });
    expect(calls.filter((c) => c === "POST /api/tasks")).toHaveLength(1);
  });

  test("with data-live=false there is no way to a live run, and Russian readers get Russian words and dates", async ({ page, baseURL }) => {
    const calls = countApi(page);
    await page.goto(tagsPage(scriptTag(baseURL!, 'data-recording="r2v" data-speed="8" data-live="false" data-lang="ru"')));
    const frame = page.frameLocator("iframe");
    const banner = frame.getByRole("region", { name: "Записанный запуск" });
    await expect(banner).toContainText("Воспроизведение закончено", { timeout: 30_000 });
    const date = await page.evaluate(
      (at) => new Intl.DateTimeFormat("ru", { dateStyle: "long" }).format(new Date(at)),
      SHIPPED("r2v").ranAt,
    );
    await expect(banner.locator("time")).toContainText(date);
    await expect(frame.getByRole("button", { name: "Запустить самому" })).toHaveCount(0);
    // No form to run from, in any language.
    await expect(frame.locator('button[type="submit"]')).toHaveCount(0);
    await expectVideoPlays(frame, /\/recordings\/nano-banana-2\/r2v\.mp4$/);
    expect(calls).toEqual([]);
  });

  test("a run saved from the page is a recording: JSON and MP4 side by side, played back from RECORDINGS_DIR", async ({ page }) => {
    const pg = new PlaygroundPage(page);
    await pg.goto();
    await pg.prompt.fill("A kite over a windy beach");
    await pg.run.click();
    await pg.waitForVideo();
    const downloads: import("@playwright/test").Download[] = [];
    page.on("download", (d) => downloads.push(d));
    await page.getByRole("button", { name: "Save as recording" }).click();
    await expect(
      page.getByRole("status").filter({ hasText: /^Saved nano-banana-2-text-to-video-\d{8}-\d{6}\.json and its video/ }),
    ).toBeVisible();
    await expect.poll(() => downloads.length).toBe(2);
    const json = downloads.find((d) => d.suggestedFilename().endsWith(".json"))!;
    const mp4 = downloads.find((d) => d.suggestedFilename().endsWith(".mp4"))!;
    const name = json.suggestedFilename().replace(/\.json$/, "");
    expect(mp4.suggestedFilename()).toBe(`${name}.mp4`);
    const saved = parseSavedRun(JSON.parse(readFileSync((await json.path())!, "utf8")));
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    expect(saved.run).toMatchObject({ model: "nano-banana-2", mode: "text-to-video", video: { file: `${name}.mp4` } });
    expect(saved.run.request?.input.prompt).toBe("A kite over a windy beach");
    expect(saved.run.exchanges.some((e) => e.method === "POST" && e.path === "/api/tasks")).toBe(true);

    // The deployment serves it from its recordings folder; the embed plays it.
    const dir = path.join(E2E_RECORDINGS_DIR, "saved");
    mkdirSync(dir, { recursive: true });
    copyFileSync((await json.path())!, path.join(dir, `${name}.json`));
    copyFileSync((await mp4.path())!, path.join(dir, `${name}.mp4`));
    const res = await page.request.get(`/recordings/saved/${name}.mp4`);
    expect(res.headers()["content-type"]).toBe("video/mp4");
    expect((await page.request.get("/recordings/saved/..%2F..%2Fpackage.json")).status()).toBe(404);

    const calls = countApi(page);
    await page.goto(`/embed/nano-banana-2?recording=${encodeURIComponent(`/recordings/saved/${name}.json`)}&speed=8`);
    await expect(page.getByRole("status", { name: "Task status" })).toHaveText("succeeded", { timeout: 30_000 });
    await expect(page.getByRole("group", { name: "request 1 JSON" })).toContainText("A kite over a windy beach");
    await expect(page.getByLabel("Rendered video")).toHaveAttribute("src", new RegExp(`/recordings/saved/${name}\\.mp4$`));
    expect(calls).toEqual([]);
  });

  test("a docs site may serve its own recording (allowed origin, CORS); another origin's is refused with a note", async ({
    page,
    baseURL,
  }) => {
    const calls = countApi(page);
    const own = `${EMBED_HOST_ALLOWED}/rec/nano-banana-2/image-to-video.json`;
    await page.goto(tagsPage(scriptTag(baseURL!, `data-recording="${own}" data-speed="8"`)));
    const frame = page.frameLocator("iframe");
    await expect(frame.getByRole("status", { name: "Task status" })).toHaveText("succeeded", { timeout: 30_000 });
    await expectVideoPlays(frame, new RegExp(`^${EMBED_HOST_ALLOWED}/rec/nano-banana-2/image-to-video\\.mp4$`));
    expect(calls).toEqual([]);

    const foreign = `${EMBED_HOST_REFUSED}/rec/nano-banana-2/image-to-video.json`;
    await page.goto(tagsPage(scriptTag(baseURL!, `data-recording="${foreign}"`)));
    const note = page.frameLocator("iframe").getByRole("note", { name: "Ignored embed parameters" });
    await expect(note).toContainText("recording=");
    await expect(note).toContainText("EMBED_ALLOWED_ORIGINS");
    await expect(page.frameLocator("iframe").getByRole("button", { name: /run task/i })).toBeVisible();
  });

  test("the guide offers a recorded run of the current mode, loaded only on the click", async ({ page }) => {
    const calls = countApi(page);
    const chunks: string[] = [];
    page.on("request", (r) => {
      if (new URL(r.url()).pathname.startsWith("/recordings/")) chunks.push(r.url());
    });
    const pg = new PlaygroundPage(page);
    await pg.goto();
    await pg.mode("Video Edit");
    await page.waitForLoadState("networkidle");
    expect(chunks).toEqual([]);
    // Opened and left with the keyboard, focus follows: to the recording, then back to what opened it.
    await page.getByRole("button", { name: "See a recorded run" }).focus();
    await page.keyboard.press("Enter");
    const banner = page.getByRole("region", { name: "Recorded run" });
    await expect(banner).toBeVisible();
    await expect(banner).toBeFocused();
    await expect(pg.status).toHaveText("succeeded", { timeout: 30_000 });
    expect(chunks.some((u) => u.endsWith("/recordings/nano-banana-2/video-edit.json"))).toBe(true);
    await page.getByRole("button", { name: "Back to the playground" }).focus();
    await page.keyboard.press("Enter");
    await expect(banner).toHaveCount(0);
    await expect(pg.run).toBeVisible();
    await expect(page.getByRole("button", { name: "See a recorded run" })).toBeFocused();
    expect(calls).toEqual([]);
  });

  test("Run it yourself from a recorded Image-to-Video run asks for the reader's own image, then runs", async ({ page }) => {
    const recorded = SHIPPED("image-to-video");
    const pg = new PlaygroundPage(page);
    await pg.goto();
    await pg.mode("Image-to-Video");
    await page.getByRole("button", { name: "See a recorded run" }).click();
    await expect(pg.status).toHaveText("succeeded", { timeout: 30_000 });
    await page.getByRole("button", { name: "Run it yourself" }).click();
    // The recorded prompt is kept (and focused: the form is where the reader goes on); the recorded image
    // was an upload to the recording machine's simulator.
    await expect(pg.prompt).toHaveValue(recorded.request.input.prompt);
    await expect(pg.prompt).toBeFocused();
    const askOwn = page.getByText(/uploaded to the server it was made on, which is not available here: upload your own/);
    await expect(askOwn).toBeVisible();
    await expect(page.locator("input[value*='/api/simulator/files/']")).toHaveCount(0);
    await pg.upload("First-frame image", "still.png");
    await expect(askOwn).toHaveCount(0);
    await pg.run.click();
    await pg.waitForVideo();
  });
});
