import path from "node:path";
import { expect, type Locator, type Page, type Request } from "@playwright/test";

export const fixture = (name: string) => path.join(process.cwd(), "e2e/fixtures", name);

/**
 * Counts the requests the page sends to the proxy: creates, and polls (of one task or all). `at` is when
 * the browser started the request (its own clock, read once the request is done), not when this process
 * heard of it: event delivery to the test runner lags by a varying amount on a busy machine.
 */
export function countRequests(page: Page) {
  const creates: { at: number; headers: Record<string, string> }[] = [];
  const polls: { at: number; url: string }[] = [];
  const startedAt = (r: Request) => () => r.timing().startTime;
  page.on("request", (r) => {
    const path = new URL(r.url()).pathname;
    const at = startedAt(r);
    if (r.method() === "POST" && path === "/api/tasks")
      creates.push({
        get at() {
          return at();
        },
        headers: r.headers(),
      });
    if (r.method() === "GET" && path.startsWith("/api/tasks/"))
      polls.push({
        get at() {
          return at();
        },
        url: path,
      });
  });
  return { creates, polls };
}

/**
 * Waits until the chunks that load once the page is idle (task engine, hand-off) are in and the network
 * is quiet: the hand-off's format choice is there then.
 */
export async function waitForLatePanels(page: Page) {
  await expect(page.getByRole("radio", { name: "curl" })).toBeVisible();
  await page.waitForLoadState("networkidle");
}

/** The playground as a person sees it: selectors by role and label, kept in one place. */
export class PlaygroundPage {
  readonly prompt: Locator;
  readonly run: Locator;
  readonly status: Locator;
  readonly video: Locator;
  readonly exchanges: Locator;
  readonly timeline: Locator;
  readonly waits: Locator;
  readonly error: Locator;
  readonly taskFailed: Locator;
  readonly note: Locator;
  readonly simulateSelect: Locator;
  readonly watchId: Locator;
  readonly stopWatching: Locator;
  readonly keepWatching: Locator;
  readonly stoppedNotice: Locator;

  constructor(readonly page: Page) {
    this.prompt = page.getByRole("textbox", { name: /prompt/i });
    this.run = page.getByRole("button", { name: /run task/i });
    this.status = page.getByRole("status", { name: "Task status" });
    this.video = page.getByLabel("Rendered video");
    this.timeline = page.getByRole("list", { name: "Task timeline" });
    this.exchanges = this.timeline;
    this.waits = this.timeline.getByRole("listitem", { name: "Wait" });
    this.error = page.getByRole("alert", { name: "Error" });
    this.taskFailed = page.getByRole("alert", { name: "Task failed" });
    this.note = page.getByRole("status", { name: "What happened" });
    this.simulateSelect = page.getByLabel("Simulate");
    this.watchId = page.getByLabel("Task id to watch");
    this.stopWatching = page.getByRole("button", { name: "Stop watching" });
    this.keepWatching = page.getByRole("button", { name: "Keep watching" });
    this.stoppedNotice = page.getByRole("status", { name: "Watching stopped" });
  }

  /** Timeline entries of exchanges whose label starts with `label` ("Create task", "Poll status"), optionally with a status. */
  exchangeItems(label: "Create task" | "Poll status", status?: number) {
    const name = new RegExp(`^${label}.*: (POST|GET) ${status ?? "\\d+"}$`);
    return this.timeline.getByRole("listitem", { name });
  }

  async simulate(scenario: string) {
    await this.simulateSelect.selectOption(scenario);
  }

  /** Fills a prompt, picks a scenario and runs. */
  async runScenario(scenario: string, prompt = "A paper boat drifting down a rain gutter") {
    await this.prompt.fill(prompt);
    await this.simulate(scenario);
    await this.run.click();
  }

  /** The task id the panel shows, once there is one. */
  async taskId(): Promise<string> {
    const id = this.page.getByLabel("Task id", { exact: true });
    await expect(id).toHaveText(/^task_/);
    return (await id.textContent())!;
  }

  /** Opens a guide (`/` is nano-banana-2's; `/models/{id}` any model's) with an optional query. */
  async goto(query = "", path = "/") {
    await this.page.goto(`${path}${query}`);
    await expect(this.run).toBeVisible();
  }

  async mode(label: "Text-to-Video" | "Image-to-Video" | "R2V" | "Video Edit") {
    await this.page.getByRole("group", { name: "Generation mode" }).getByText(label, { exact: true }).click();
    await expect(this.page.getByRole("radio", { name: label, exact: true })).toBeChecked();
  }

  async choose(group: "Aspect ratio" | "Duration", option: string) {
    await this.page.getByRole("group", { name: group }).getByText(option, { exact: true }).click();
  }

  /** Uploads a fixture through the media field named `label` and waits for its preview. */
  async upload(label: string, file: string) {
    await this.page.getByLabel(`Upload ${label.toLowerCase()}`).setInputFiles(fixture(file));
    await expect(
      this.page
        .getByRole("img", { name: `Preview of the ${label.toLowerCase()}` })
        .or(this.page.getByLabel(`Preview of the ${label.toLowerCase()}`)),
    ).toBeVisible();
  }

  /** On gemini-omni-flash's guide: runs a 4 s 1080P 16:9 Text-to-Video task and checks the clip is exactly that. */
  async runFlash4s1080p() {
    await this.goto("", "/models/gemini-omni-flash");
    await this.prompt.fill("A lighthouse at dawn, waves below");
    await this.choose("Duration", "4 s");
    await this.page.getByLabel("Resolution").selectOption("1080P");
    await this.run.click();
    const video = await this.waitForVideo();
    expect(video).toMatchObject({ width: 1920, height: 1080 });
    expect(video.duration).toBeCloseTo(4, 1);
  }

  /** Waits for the task to succeed and the video to play; returns what the browser measured. */
  async waitForVideo() {
    await expect(this.status).toHaveText("succeeded", { timeout: 60_000 });
    await expect(this.video).toBeVisible();
    // Chrome pauses a muted autoplaying video while it is out of view: look at it, as a person would.
    await this.video.scrollIntoViewIfNeeded();
    await expect
      .poll(() => this.video.evaluate((v: HTMLVideoElement) => v.readyState >= 2 && !v.paused && v.currentTime > 0), { timeout: 20_000 })
      .toBe(true);
    return this.video.evaluate((v: HTMLVideoElement) => ({ width: v.videoWidth, height: v.videoHeight, duration: v.duration }));
  }
}
