import { expect, type Locator, type Page } from "@playwright/test";
import path from "node:path";

export const fixture = (name: string) => path.join(process.cwd(), "e2e/fixtures", name);

/** The playground as a person sees it: selectors by role and label, kept in one place. */
export class PlaygroundPage {
  readonly prompt: Locator;
  readonly run: Locator;
  readonly status: Locator;
  readonly video: Locator;
  readonly exchanges: Locator;

  constructor(readonly page: Page) {
    this.prompt = page.getByRole("textbox", { name: /prompt/i });
    this.run = page.getByRole("button", { name: /run task/i });
    this.status = page.getByRole("status", { name: "Task status" });
    this.video = page.getByLabel("Rendered video");
    this.exchanges = page.getByRole("list", { name: "HTTP exchanges" });
  }

  async goto(query = "") {
    await this.page.goto(`/${query}`);
    await expect(this.run).toBeVisible();
  }

  async mode(label: "Text-to-Video" | "Image-to-Video" | "R2V" | "Video Edit") {
    await this.page.getByRole("tab", { name: label }).click();
    await expect(this.page.getByRole("tab", { name: label })).toHaveAttribute("aria-selected", "true");
  }

  async choose(group: "Aspect ratio" | "Duration", option: string) {
    await this.page.getByRole("group", { name: group }).getByText(option, { exact: true }).click();
  }

  /** Uploads a fixture through the media field named `label` and waits for its preview. */
  async upload(label: string, file: string) {
    await this.page.getByLabel(`Upload ${label.toLowerCase()}`).setInputFiles(fixture(file));
    await expect(this.page.getByRole("img", { name: `Preview of the ${label.toLowerCase()}` }).or(this.page.getByLabel(`Preview of the ${label.toLowerCase()}`))).toBeVisible();
  }

  /** Waits for the task to succeed and the video to play; returns what the browser measured. */
  async waitForVideo() {
    await expect(this.status).toHaveText("succeeded", { timeout: 60_000 });
    await expect(this.video).toBeVisible();
    // Chromium pauses a muted autoplaying video that is scrolled out of view: look at it, as a person would.
    await this.video.scrollIntoViewIfNeeded();
    await expect
      .poll(() => this.video.evaluate((v: HTMLVideoElement) => v.readyState >= 2 && !v.paused && v.currentTime > 0), { timeout: 20_000 })
      .toBe(true);
    return this.video.evaluate((v: HTMLVideoElement) => ({ width: v.videoWidth, height: v.videoHeight, duration: v.duration }));
  }
}
