import { expect, type Locator, type Page } from "@playwright/test";

/** The variants panel and the comparison as a person sees them: selectors by role and label, in one place. */
export class ComparePage {
  /** CSS selectors of the two regions, for axe's `include`. */
  readonly variantsSelector = "section[aria-labelledby=variants-heading]";
  readonly comparisonSelector = "section[aria-labelledby=compare-heading]";
  readonly openVariants: Locator;
  readonly variants: Locator;
  readonly plan: Locator;
  readonly comparison: Locator;
  readonly videos: Locator;
  readonly playAll: Locator;
  readonly pauseAll: Locator;
  readonly position: Locator;

  constructor(readonly page: Page) {
    this.openVariants = page.getByRole("button", { name: "Variants…" });
    this.variants = page.getByRole("region", { name: "Variants" });
    this.plan = page.getByRole("status", { name: "What the variants ask for" });
    this.comparison = page.getByRole("region", { name: /^Comparison of/ });
    this.videos = this.comparison.getByRole("list", { name: "Compared videos" }).locator("video");
    this.playAll = this.comparison.getByRole("button", { name: "Play all" });
    this.pauseAll = this.comparison.getByRole("button", { name: "Pause all" });
    this.position = this.comparison.getByRole("slider", { name: "Position" });
  }

  /** Ticks (or unticks) a value in one of the variants panel's groups. */
  async choose(group: "Models" | "Modes" | "Aspect ratios" | "Durations", value: string, on = true) {
    await this.variants.getByRole("group", { name: group }).getByRole("checkbox", { name: value, exact: true }).setChecked(on);
  }

  /** The compared videos' current times, read in one go. */
  times(): Promise<number[]> {
    return this.videos.evaluateAll((els) => els.map((v) => (v as HTMLVideoElement).currentTime));
  }

  /** Waits until every compared video can show a frame. */
  async waitForVideos(count: number) {
    await expect(this.videos).toHaveCount(count, { timeout: 60_000 });
    await expect
      .poll(() => this.videos.evaluateAll((els) => els.every((v) => (v as HTMLVideoElement).readyState >= 2)), { timeout: 30_000 })
      .toBe(true);
  }
}
